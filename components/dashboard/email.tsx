/**
 * An email address as typed (no upper-casing eyebrow style), allowed to wrap before the "@" rather
 * than mid-word in a narrow column.
 */
export function Email({ address }: { address: string }) {
  const at = address.lastIndexOf("@");
  return (
    <span className="grid-email">
      {at > 0 ? (
        <>
          {address.slice(0, at)}
          <wbr />
          {address.slice(at)}
        </>
      ) : (
        address
      )}
    </span>
  );
}
