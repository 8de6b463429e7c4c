import { ErrorCode, MAX_PHOTO_BYTES, validationErrorOf } from '@ansinh/domain'
import multipart, { type MultipartFile } from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { FastifyRouteSchemaDef } from 'fastify/types/schema'
import { validatorCompiler } from 'fastify-type-provider-zod'
import type { ZodType } from 'zod'
import type { SubmittedPhoto } from '../modules/registration/stored-photos'
import { DomainError } from '../platform/errors'

/**
 * Photo uploads (the citizen's registration, a reviewer's replacement or scan) read the same way:
 * multipart, a file over the limit is cut and marked for its field instead of failing the request.
 */
export async function registerPhotoUploads(
  app: FastifyInstance,
  limits: { files: number; fields: number; fieldSize: number; fileSize?: number },
) {
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_PHOTO_BYTES, ...limits, parts: limits.files + limits.fields + 1 },
  })
}

export function assertMultipart(request: FastifyRequest) {
  if (!request.isMultipart())
    throw new DomainError(ErrorCode.ValidationFailed, 'not multipart', {
      fields: { _root: ['Dữ liệu phải gửi dạng multipart/form-data.'] },
    })
}

/** The bytes of one uploaded photo, or `tooLarge` when the upload was cut at the size limit. */
export async function readUploadedPhoto(part: MultipartFile): Promise<SubmittedPhoto> {
  const bytes = await part.toBuffer()
  return part.file.truncated ? 'tooLarge' : bytes
}

/**
 * Reads a multipart body of text fields and one photo under `fileField`, and validates the fields
 * with their schema (400 naming them). Other files are drained, never buffered.
 */
export async function readPhotoForm<T>(
  request: FastifyRequest,
  form: { fields: ZodType<T>; fileField: string },
): Promise<{ fields: T; file: SubmittedPhoto | undefined }> {
  const { fields, files } = await readPhotosForm(request, form)
  return { fields, file: files.at(-1) }
}

/**
 * Reads a multipart body of text fields and every photo under `fileField` (the part may repeat, as
 * FormData's `append` sends several files), in order; the plugin's `files` limit bounds how many.
 */
export async function readPhotosForm<T>(
  request: FastifyRequest,
  form: { fields: ZodType<T>; fileField: string },
): Promise<{ fields: T; files: SubmittedPhoto[] }> {
  const { fields, files } = await readUploadForm(request, form)
  return { fields, files: files.map((file) => file.bytes) }
}

/**
 * A multipart body of text fields, validated with their schema (400 naming them), and every file under
 * `fileField` with the name it was sent with; other files are drained, never buffered.
 */
export async function readUploadForm<T>(
  request: FastifyRequest,
  form: { fields: ZodType<T>; fileField: string },
): Promise<{ fields: T; files: { fileName: string; bytes: SubmittedPhoto }[] }> {
  assertMultipart(request)
  const values: Record<string, unknown> = {}
  const files: { fileName: string; bytes: SubmittedPhoto }[] = []
  for await (const part of request.parts()) {
    if (part.type === 'field') values[part.fieldname] = part.value
    else if (part.fieldname === form.fileField)
      files.push({ fileName: part.filename, bytes: await readUploadedPhoto(part) })
    else part.file.resume()
  }
  const parsed = form.fields.safeParse(values)
  if (!parsed.success)
    throw new DomainError(ErrorCode.ValidationFailed, 'multipart fields invalid', {
      fields: validationErrorOf(parsed.error).error.fields ?? {},
    })
  return { fields: parsed.data, files }
}

/**
 * For a multipart route: the body is read part by part in the handler (its schema only documents
 * it), while the path and query are validated by their zod schemas as on every other route.
 */
export function multipartRouteValidator<S>(route: FastifyRouteSchemaDef<S>) {
  if (route.httpPart === 'body') return (value: unknown) => ({ value })
  // The parts other than the body are zod schemas, as on every route of the API.
  return validatorCompiler(route as unknown as FastifyRouteSchemaDef<ZodType>)
}
