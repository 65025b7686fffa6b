/**
 * Guide field names → JavaScript property names: lowerCamelCase with a leading acronym lower-cased
 * and every inner acronym written as one capitalised word ("ConnectionDeviceIDType" → "connectionDeviceIdType",
 * "ICMCentralControllerTime" → "icmCentralControllerTime", "ANI_II" → "aniIi").
 */
const WORDS = /[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+/g;

export function fieldKey(guideName: string): string {
  const words = guideName.match(WORDS);
  if (!words) return guideName;
  let out = words[0].toLowerCase();
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    out += w[0].toUpperCase() + w.slice(1).toLowerCase();
  }
  return out;
}
