import { type ComponentType, lazy } from 'react'

/** `lazy` for a named export, so that pages keep named exports like the rest of the apps. */
export function lazyPage<Module, Props extends object = object>(
  load: () => Promise<Module>,
  pick: (module: Module) => ComponentType<Props>,
) {
  return lazy(() => load().then((module) => ({ default: pick(module) })))
}
