/** The value a datetime-local field takes for this moment, in minutes, in the browser's (and this process's) zone. */
export function datetimeLocalValue(at: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
