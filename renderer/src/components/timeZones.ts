/** The time zones this browser knows, for the station's time-zone setting (first-run setup and settings). */
export function timeZoneOptions(): { value: string; label: string }[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Asia/Shanghai'];
  return zones.map((z) => ({ value: z, label: z }));
}
