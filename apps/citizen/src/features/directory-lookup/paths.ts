/**
 * The directory look-ups under "Tra cứu trực tuyến" (seed 002) and their paths: the hub links them
 * from here, app-routes.tsx wires them. Kept apart from the pages so a link does not load a page.
 */
export const directoryLookupIds = ['offices', 'facilities', 'employers', 'collectionPoints'] as const
export type DirectoryLookupId = (typeof directoryLookupIds)[number]

export const directoryLookupPaths: Record<DirectoryLookupId, string> = {
  offices: '/lookup/offices',
  facilities: '/lookup/facilities',
  employers: '/lookup/employers',
  collectionPoints: '/lookup/collection-points',
}

/**
 * The entries of the hub's list, each with its i18n key (`directoryLookup.<key>.title`, `.description`).
 * "CSKCB cấp giấy nghỉ việc hưởng BHXH" is the facilities page with its filter already set.
 */
export const directoryLookupLinks = [
  { key: 'offices', to: directoryLookupPaths.offices },
  { key: 'facilities', to: directoryLookupPaths.facilities },
  { key: 'sickLeaveFacilities', to: `${directoryLookupPaths.facilities}?sickLeave=true` },
  { key: 'employers', to: directoryLookupPaths.employers },
  { key: 'collectionPoints', to: directoryLookupPaths.collectionPoints },
] as const
