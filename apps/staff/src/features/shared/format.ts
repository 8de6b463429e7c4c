import { formatDateTimeVi } from '@ansinh/domain'

/** `dd/mm/yyyy HH:mm` in Vietnam time, whatever the browser's zone. */
export function dateTime(iso: string): string {
  return formatDateTimeVi(new Date(iso))
}
