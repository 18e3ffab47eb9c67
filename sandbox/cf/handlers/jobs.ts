import { CfErrors } from '../errors.js'
import type { CfHandler } from '../pipeline.js'
import { presentJob } from '../presenters.js'
import { parseQuery } from '../query.js'
import { ok } from '../responses.js'
import type { CfHandlerDeps } from './deps.js'

/** `GET /v3/jobs/:guid`: 200 in every state while the job exists; 404 `Job not found`. */
export function getJob({ store }: CfHandlerDeps): CfHandler {
  return req => {
    parseQuery(req.rawQuery, { keys: [] })
    const job = store.job(req.params.guid)
    if (!job) throw CfErrors.resourceNotFound('Job')
    return ok(presentJob(job, req.baseUrl, store.route(job.resource.guid) !== undefined))
  }
}
