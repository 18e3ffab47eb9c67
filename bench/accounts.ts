import autocannon, { type Result } from 'autocannon'
import { readFileSync, writeFileSync } from 'node:fs'
import { SUBSCRIBER_GLOBAL_ACCOUNT } from '../sandbox/cis/index.js'
import { PROVIDER } from '../sandbox/identities.js'
import type { SandboxOptions } from '../sandbox/sandbox.js'
import { startLandscape, type BenchLandscape } from './landscape.js'
import { round, type Figure } from './onboarding.js'

/**
 * The bench-only plain entity (bench/plain-read): a `cds.requires` entry whose `model` CAP adds to the app's model
 * (`cds.resolve('*')` takes every required model), given to the app through CDS_CONFIG by `startLandscape`.
 */
const PLAIN_READ_MODEL = { 'bench-plain-read': { model: 'bench/plain-read/plain-read-service.cds' } }

const READ_PATH = '/odata/v4/accounts/Subaccounts?$top=50'
const PLAIN_PATH = '/bench/plain-read/Subaccounts?$top=50'

/** The provider reads the provider's whole global account: a sandbox whose one has `subaccounts` of them. */
function providerAccountOf(subaccounts: number): SandboxOptions {
  return { cis: { globalAccounts: [{ guid: PROVIDER.globalAccountGuid, subaccountCount: subaccounts }, { guid: SUBSCRIBER_GLOBAL_ACCOUNT.guid }] } }
}

function asProviderViewer(landscape: BenchLandscape): Record<string, string> {
  return { authorization: `Bearer ${landscape.sandbox.issueUserToken({ tenant: PROVIDER.tenantId, scopes: ['Viewer'] })}` }
}

/** `POST /odata/v4/accounts/refresh` as the provider: one sync of the provider's global account, through HTTP. */
async function refresh(landscape: BenchLandscape, headers: Record<string, string>): Promise<Response> {
  return fetch(`${landscape.appUrl}/odata/v4/accounts/refresh`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' })
}

async function refreshOk(landscape: BenchLandscape, headers: Record<string, string>): Promise<void> {
  const res = await refresh(landscape, headers)
  if (res.status !== 200) throw new Error(`refresh failed: ${res.status} ${await res.text()}`)
}

/**
 * B3: requests/s of a replica read (`Subaccounts?$top=50`, AccountService with its freshness check) ÷ requests/s of
 * the same 50 rows through a plain CAP entity (a projection on the same replica table, generic handlers only), in
 * the same app process, tenant (the provider) and run. Both under the same load (autocannon, same connections and
 * duration), warmed up first, in alternating runs A/B/A/B… The figure is the median of the rounds' ratios, each
 * of two runs seconds apart: on a shared machine the rate of one run can drop by a third when a neighbour
 * takes the CPU, and a ratio of totals would carry such a round's drop into the figure.
 */
export async function readThroughput({ connections = 10, seconds = 4, rounds = 6, warmupSeconds = 3 } = {}): Promise<Figure[]> {
  const landscape = await startLandscape(providerAccountOf(1_000), { config: PLAIN_READ_MODEL })
  try {
    const headers = asProviderViewer(landscape)
    await refreshOk(landscape, headers)
    const replicaRows = await rowsOf(landscape.appUrl + READ_PATH, headers)
    const plainRows = await rowsOf(landscape.appUrl + PLAIN_PATH, headers)
    if (replicaRows !== 50 || plainRows !== 50) throw new Error(`expected 50 rows from both reads, got ${replicaRows} and ${plainRows}`)

    const load = (path: string, duration: number) => autocannon({ url: landscape.appUrl + path, connections, duration, headers })
    await load(READ_PATH, warmupSeconds)
    await load(PLAIN_PATH, warmupSeconds)
    landscape.sandbox.counter.reset()
    const replica: Result[] = []
    const plain: Result[] = []
    for (let i = 0; i < rounds; i++) {
      replica.push(await load(READ_PATH, seconds))
      plain.push(await load(PLAIN_PATH, seconds))
    }
    // None: every measured read was served from the fresh replica, and the app's tokens were cached.
    const upstreamCalls = Object.values(landscape.sandbox.counter.snapshot()).reduce((n, calls) => n + Object.values(calls).reduce((a, b) => a + b, 0), 0)

    const failed = [...replica, ...plain].reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0)
    const replicaRate = rate(replica)
    const plainRate = rate(plain)
    const ratio = median(replica.map((r, i) => rate([r]) / rate([plain[i]])))
    return [
      {
        id: 'B3',
        name: 'replica read req/s ÷ plain CAP read req/s (Subaccounts?$top=50)',
        value: round(ratio),
        unit: 'ratio',
        target: '≥ 0.9',
        met: ratio >= 0.9 && failed === 0 && upstreamCalls === 0,
        details: {
          replicaRequestsPerSecond: Math.round(replicaRate),
          plainRequestsPerSecond: Math.round(plainRate),
          ratioOfTotals: round(replicaRate / plainRate),
          perRound: replica.map((r, i) => ({ replica: Math.round(r.requests.total / r.duration), plain: Math.round(plain[i].requests.total / plain[i].duration) })),
          replicaLatencyP50Ms: median(replica.map(r => r.latency.p50)),
          plainLatencyP50Ms: median(plain.map(r => r.latency.p50)),
          bytesPerResponse: { replica: bytesPerResponse(replica), plain: bytesPerResponse(plain) },
          failedRequests: failed,
          upstreamCallsDuringLoad: upstreamCalls,
          load: { connections, secondsPerRun: seconds, runsEach: rounds, warmupSecondsEach: warmupSeconds }
        }
      }
    ]
  } finally {
    await landscape.stop()
  }
}

async function rowsOf(url: string, headers: Record<string, string>): Promise<number> {
  const res = await fetch(url, { headers })
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { value: unknown[] }).value.length
}

/** Completed requests per second over all runs together. */
function rate(results: Result[]): number {
  return results.reduce((n, r) => n + r.requests.total, 0) / results.reduce((s, r) => s + r.duration, 0)
}

function bytesPerResponse(results: Result[]): number {
  return Math.round(results.reduce((n, r) => n + r.throughput.total, 0) / results.reduce((n, r) => n + r.requests.total, 0))
}

/**
 * B4: time and extra memory of syncing the provider's global account of 100, 1,000 and 10,000 subaccounts.
 *
 * Each size runs in a landscape (sandbox and app process) of its own, one after the other, so that the memory a
 * size leaves behind never counts for the next and every size starts from the same idle app. tenant-hub runs in a
 * memory cgroup of the limit mta.yaml gives it on Cloud Foundry (512 MB): Node sizes V8's heap from that limit, as
 * on CF, instead of from this machine's 24 GB, under which V8 lets ~100 MB more garbage pile up before it collects
 * and the figure would say more about the machine than about tenant-hub. In each landscape, a first `refresh` that
 * CIS answers with 500 provisions the provider's database and warms the destination and token lookups, which are
 * no part of a sync's cost. Then, measured: the first sync into the empty replica and two re-syncs that replace the
 * full replica, each a `POST /odata/v4/accounts/refresh` as the provider; the time figure is their median. Memory
 * is the app process's RSS (/proc): the peak during the three syncs over the RSS just before them, as an app that
 * re-syncs every few minutes needs it (the first sync's alone is in the details). The bench keeps tenant databases
 * in memory (SQLite `:memory:`), so the replica's own rows count here too (about 12 MB at 10,000 subaccounts as a
 * file); on HANA they would not be in the app's memory at all.
 */
export async function syncScale(sizes = [100, 1_000, 10_000], syncs = 3): Promise<Figure[]> {
  const measured: Array<{
    size: number
    ms: number
    syncsMs: number[]
    peakMb: number
    firstPeakMb: number
    retainedMb: number
    baselineMb: number
    memoryLimitMb?: number
  }> = []
  for (const size of sizes) {
    const landscape = await startLandscape(providerAccountOf(size), { containerMemory: true })
    try {
      const headers = asProviderViewer(landscape)
      landscape.sandbox.faults.add({ simulator: 'cis', status: 500, ratio: 1 })
      const warmup = await refresh(landscape, headers)
      landscape.sandbox.faults.clear()
      if (warmup.status !== 502) throw new Error(`warm-up refresh: expected 502 from the CIS fault, got ${warmup.status} ${await warmup.text()}`)

      const baseline = memoryOf(landscape.appPid)
      resetPeak(landscape.appPid)
      const syncsMs: number[] = []
      let firstPeakMb = 0
      for (let i = 0; i < syncs; i++) {
        const started = performance.now()
        await refreshOk(landscape, headers)
        syncsMs.push(performance.now() - started)
        if (i === 0) firstPeakMb = memoryOf(landscape.appPid).peakMb
      }
      const after = memoryOf(landscape.appPid)
      const count = await rowsCount(landscape, headers)
      if (count !== size) throw new Error(`the replica holds ${count} subaccounts, expected ${size}`)
      measured.push({
        size,
        ms: median(syncsMs),
        syncsMs: syncsMs.map(Math.round),
        baselineMb: round(baseline.rssMb),
        peakMb: round(after.peakMb - baseline.rssMb),
        firstPeakMb: round(firstPeakMb - baseline.rssMb),
        retainedMb: round(after.rssMb - baseline.rssMb),
        memoryLimitMb: landscape.memoryLimitMb
      })
    } finally {
      await landscape.stop()
    }
  }

  const figures: Figure[] = []
  let letter = 'a'.charCodeAt(0)
  const nextId = () => `B4${String.fromCharCode(letter++)}`
  for (const m of measured) {
    const large = m.size === Math.max(...sizes)
    const details = {
      syncsMs: m.syncsMs,
      firstSyncMs: m.syncsMs[0],
      appRssBeforeMb: m.baselineMb,
      extraPeakFirstSyncMb: m.firstPeakMb,
      extraRetainedAfterSyncsMb: m.retainedMb,
      appMemoryLimitMb: m.memoryLimitMb ?? 'none (no writable memory cgroup)'
    }
    figures.push(
      {
        id: nextId(),
        name: `sync of ${m.size.toLocaleString('en')} subaccounts: time (median of ${syncs})`,
        value: Math.round(m.ms),
        unit: 'ms',
        target: large ? '< 2000' : '(reported)',
        met: !large || m.ms < 2000,
        details
      },
      {
        id: nextId(),
        name: `sync of ${m.size.toLocaleString('en')} subaccounts: extra memory (peak RSS over idle${m.memoryLimitMb ? `, ${m.memoryLimitMb} MB container` : ''})`,
        value: m.peakMb,
        unit: 'MB',
        target: large ? '< 150' : '(reported)',
        met: !large || m.peakMb < 150,
        details
      }
    )
  }
  const [small, large] = [measured.find(m => m.size === 1_000), measured.find(m => m.size === 10_000)]
  if (small && large) {
    const ratio = large.ms / large.size / (small.ms / small.size)
    figures.push({
      id: nextId(),
      name: 'time per subaccount at 10,000 ÷ at 1,000',
      value: round(ratio),
      unit: 'ratio',
      target: '≤ 1 (linear)',
      met: ratio <= 1,
      details: { msPerThousandAt1000: round((small.ms / small.size) * 1000), msPerThousandAt10000: round((large.ms / large.size) * 1000) }
    })
  }
  return figures
}

async function rowsCount(landscape: BenchLandscape, headers: Record<string, string>): Promise<number> {
  const res = await fetch(`${landscape.appUrl}/odata/v4/accounts/Subaccounts/$count`, { headers })
  return Number(await res.text())
}

/** RSS and its high-water mark of a process, in MB (Linux /proc). */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 }
}

/** Resets the process's RSS high-water mark to its current RSS (`clear_refs` 5, Linux ≥ 4.0). */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5')
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
