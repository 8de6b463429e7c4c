export * from './directory'
export * from './identity'
export * from './notify'
export * from './registry'
