function browserOf(userAgent: string): string {
  const known: [RegExp, string][] = [
    [/\bEdg(e|A|iOS)?\//, "Edge"],
    [/\bOPR\//, "Opera"],
    [/\b(Firefox|FxiOS)\//, "Firefox"],
    [/\bChromium\//, "Chromium"],
    [/\b(Chrome|CriOS)\//, "Chrome"],
    [/\bVersion\/.*\bSafari\//, "Safari"],
    [/^curl\//, "curl"],
  ];
  const match = known.find(([pattern]) => pattern.test(userAgent));
  return match ? match[1] : userAgent.split(/[\s/]/, 1)[0] || "Unknown browser";
}

function systemOf(userAgent: string): string | null {
  const known: [RegExp, string][] = [
    [/\bWindows\b/, "Windows"],
    [/\bAndroid\b/, "Android"],
    [/\b(iPhone|iPad|iPod)\b/, "iOS"],
    [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
    [/\bCrOS\b/, "ChromeOS"],
    [/\bLinux\b/, "Linux"],
  ];
  return known.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
}

/** "Firefox on Linux": a session's device in words, from its User-Agent. */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent?.trim()) {
    return "Unknown device";
  }
  const browser = browserOf(userAgent);
  const system = systemOf(userAgent);
  return system ? `${browser} on ${system}` : browser;
}
