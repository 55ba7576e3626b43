// Sizes, times and durations for people.

/** 1536 → "1.5 KiB". */
export function bytes(n) {
  if (n === null || n === undefined || Number.isNaN(n)) return '';
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${n} ${n === 1 ? 'byte' : 'bytes'}` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Milliseconds → "1h 02m 03s", "4m 05s", "7s". */
export function duration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '';
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (x) => String(x).padStart(2, '0');
  if (hours > 0) return `${hours}h ${pad(minutes)}m ${pad(seconds)}s`;
  if (minutes > 0) return `${minutes}m ${pad(seconds)}s`;
  return `${seconds}s`;
}

/** Elapsed time between two ISO instants; a missing end means "until now". */
export function elapsed(startedAt, finishedAt) {
  if (!startedAt) return '';
  const end = finishedAt ? Date.parse(finishedAt) : Date.now();
  return duration(end - Date.parse(startedAt));
}

/** ISO instant → local date and time, to the second. */
export function dateTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** A <time> element for an ISO instant. */
export function timeElement(h, iso) {
  return iso ? h('time', { datetime: iso, title: iso, text: dateTime(iso) }) : '';
}
