/** Only same-site paths may be a post-sign-in destination: an open redirect would help phishing. */
export function safeCallbackUrl(value: string | null | undefined, fallback = "/lessons"): string {
  return value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\")
    ? value
    : fallback;
}
