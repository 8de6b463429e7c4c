/** The deployment's public settings (GET /app-config), fetched once per visit. */
import { PublicAppConfig } from '@ansinh/domain'
import { apiRequest } from '@ansinh/ui'
import { useEffect, useState } from 'react'

let pending: Promise<PublicAppConfig> | null = null

/**
 * The settings; a failure reads as "no base map" (the maps still show their markers) and no e-ID
 * button (the password sign-in stays), and is not remembered, so the next page that needs them asks
 * again.
 */
export function loadAppConfig(): Promise<PublicAppConfig> {
  if (!pending) {
    const request = apiRequest('/app-config', PublicAppConfig, 'vi').then((result) => {
      if (result.ok) return result.value
      pending = null
      return { map: null, eid: { enabled: false } }
    })
    pending = request
  }
  return pending
}

/** The settings, or null while they load. */
export function useAppConfig(): PublicAppConfig | null {
  const [config, setConfig] = useState<PublicAppConfig | null>(null)
  useEffect(() => {
    let current = true
    void loadAppConfig().then((loaded) => {
      if (current) setConfig(loaded)
    })
    return () => {
      current = false
    }
  }, [])
  return config
}
