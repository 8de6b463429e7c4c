export * from './directory'
export * from './identity'
export * from './registry'
