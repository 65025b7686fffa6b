/** The dashboard user plugin's one decision, apart from Node-RED (cti-dashboard-user.ts). */

/** The user the proxy's header names, or undefined (no setting, no header, or an empty one). */
export function userFromHeaders(
  headers: Record<string, string | string[] | undefined> | undefined,
  headerName: unknown,
): string | undefined {
  if (typeof headerName !== 'string' || headerName.trim() === '' || headers === undefined) return undefined;
  const raw = headers[headerName.trim().toLowerCase()];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  // A user name, not a document: bounded, no control characters.
  return value && value.length <= 256 && ![...value].some((ch) => ch.charCodeAt(0) < 0x20) ? value : undefined;
}
