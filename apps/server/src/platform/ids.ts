const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Whether text is a UUID (message and file ids): checked before it reaches a `uuid` column or a path. */
export function isUuid(text: string): boolean {
  return uuid.test(text)
}
