const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** An API timestamp as a local date and time, or the text as given if it is not a date. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

const UNITS = ["bytes", "KB", "MB", "GB", "TB", "PB"];
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat();

/** "912 bytes", "1.5 MB", "10 GB": a size in units of 1024, with at most one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) {
    return formatExactBytes(bytes);
  }
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${decimal.format(value)} ${UNITS[unit]}`;
}

/** "1,572,864 bytes": an exact size. */
export function formatExactBytes(bytes: number): string {
  return bytes === 1 ? "1 byte" : `${whole.format(bytes)} bytes`;
}
