import type { XsuaaCredentials } from '../xsuaa/index.js'
import type { DestinationCredentials } from './destination-types.js'

/**
 * The `destination` binding: the XSUAA client of the instance (token URL `url`, subscriber tokens through
 * `uaadomain` + `x-zid`) plus `uri`, where this simulator listens.
 */
export function destinationCredentials(xsuaa: XsuaaCredentials, uri: string, instanceId: string): DestinationCredentials {
  return {
    clientid: xsuaa.clientid,
    clientsecret: xsuaa.clientsecret,
    uri,
    url: xsuaa.url,
    uaadomain: xsuaa.uaadomain,
    xsappname: xsuaa.xsappname,
    tenantid: xsuaa.tenantid,
    identityzone: xsuaa.identityzone,
    tenantmode: 'dedicated',
    instanceid: instanceId,
    verificationkey: xsuaa.verificationkey,
    'credential-type': 'binding-secret'
  }
}
