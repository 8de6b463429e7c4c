import { DossierDetail, type DossierFileKind } from '@ansinh/domain'
import { apiBase, type Language } from '@ansinh/ui'
import { staffRequest } from '../session/staff-request'

/** A photo or scan of a dossier by its id (replaced ones too), for an `<img>`: the session cookie goes along. */
export function dossierFileUrl(dossierId: number, fileId: number, size: 'full' | 'thumbnail'): string {
  return `${apiBase}/staff/dossiers/${dossierId}/files/${fileId}?size=${size}`
}

/** Replaces the photo of `kind` (or adds a scan) on the version the reviewer saw; answers the dossier. */
export function addDossierFile(
  dossier: Pick<DossierDetail, 'id' | 'version'>,
  kind: DossierFileKind,
  file: File,
  csrfToken: string,
  language: Language,
) {
  const body = new FormData()
  body.set('kind', kind)
  body.set('version', String(dossier.version))
  body.set('file', file)
  return staffRequest(`/staff/dossiers/${dossier.id}/files`, DossierDetail, language, {
    method: 'POST',
    body,
    csrfToken,
  })
}
