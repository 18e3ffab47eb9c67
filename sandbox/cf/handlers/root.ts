import type { SimHandler } from '../../kernel/index.js'
import type { CfHandlerDeps } from './deps.js'

/** CC v2 version BTP pairs with CC v3 3.159.0 (recording `provider.user_pwd.yaml`). */
const CC_V2_VERSION = '2.224.0'
/** Services of a CF landscape the sandbox does not simulate; their links keep the shape of `GET /`. */
const UNSIMULATED_HOST = 'sandbox.localhost'

const V3_RESOURCES = [
  'app_usage_events', 'apps', 'audit_events', 'buildpacks', 'builds', 'deployments', 'domains', 'droplets',
  'environment_variable_groups', 'feature_flags', 'info', 'isolation_segments', 'organizations', 'organization_quotas',
  'packages', 'processes', 'resource_matches', 'roles', 'routes', 'security_groups', 'service_brokers',
  'service_instances', 'service_offerings', 'service_plans', 'service_usage_events', 'spaces', 'space_quotas',
  'stacks', 'tasks', 'users'
]

/** `GET /`: discovery, without a token; BTP answers it with `application/json;charset=utf-8` (no space). */
export function globalRoot({ config, uaaUrl }: CfHandlerDeps): SimHandler {
  return req => ({
    status: 200,
    headers: { 'content-type': 'application/json;charset=utf-8' },
    body: {
      links: {
        self: { href: req.baseUrl },
        cloud_controller_v2: { href: `${req.baseUrl}/v2`, meta: { version: CC_V2_VERSION } },
        cloud_controller_v3: { href: `${req.baseUrl}/v3`, meta: { version: config.ccVersion } },
        network_policy_v0: { href: `${req.baseUrl}/networking/v0/external` },
        network_policy_v1: { href: `${req.baseUrl}/networking/v1/external` },
        login: { href: uaaUrl },
        uaa: { href: uaaUrl },
        credhub: null,
        routing: null,
        logging: { href: `wss://doppler.${UNSIMULATED_HOST}:443` },
        log_cache: { href: `https://log-cache.${UNSIMULATED_HOST}` },
        log_stream: { href: `https://log-stream.${UNSIMULATED_HOST}` },
        app_ssh: { href: `ssh.${UNSIMULATED_HOST}:2222`, meta: { host_key_fingerprint: 'sandbox-no-ssh', oauth_client: 'ssh-proxy' } }
      }
    }
  })
}

/** `GET /v3`: links to the v3 resources. */
export function v3Root(): SimHandler {
  return req => ({
    status: 200,
    body: {
      links: {
        self: { href: `${req.baseUrl}/v3` },
        ...Object.fromEntries(V3_RESOURCES.map(name => [name, { href: `${req.baseUrl}/v3/${name}` }]))
      }
    }
  })
}

/** `GET /v3/info`, including the rate limit the sandbox enforces. */
export function v3Info({ config }: CfHandlerDeps): SimHandler {
  return req => ({
    status: 200,
    body: {
      build: 'tenant-hub-sandbox',
      cli_version: { minimum: '', recommended: '' },
      custom: {},
      description: 'tenant-hub CF sandbox',
      name: 'tenant-hub-sandbox',
      version: 3,
      osbapi_version: '2.15',
      rate_limits: {
        enabled: config.rateLimit !== undefined,
        general_limit: config.rateLimit?.limit ?? 0,
        reset_interval_in_minutes: config.rateLimit ? Math.max(1, Math.round(config.rateLimit.resetSeconds / 60)) : 0
      },
      links: { self: { href: `${req.baseUrl}/v3/info` }, support: { href: '' } }
    }
  })
}
