/** A boolean attribute: present and not "off" or "false". */
export function on(value: string | null): boolean {
  return value !== null && value !== 'off' && value !== 'false';
}
