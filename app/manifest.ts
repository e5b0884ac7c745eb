import type { MetadataRoute } from "next";

/** The web app manifest: the name and icon a phone uses when the app is added to the home screen. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Cloud Responsibility Academy",
    short_name: "Cloud Academy",
    description: "Learn who is responsible for what in cloud security.",
    start_url: "/",
    display: "standalone",
    background_color: "#fbfbfd",
    theme_color: "#1f5fd6",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
