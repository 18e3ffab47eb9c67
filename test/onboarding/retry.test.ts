import { CfApiError, CfDeadlineError, outsideDeadline, withinDeadline } from '../../srv/cf/index.js'
import { parseRetryAfter, withRetries, type RetryPolicy } from '../../srv/cf/retry.js'
import { DestinationNotFoundError, UpstreamUnreachableError } from '../../srv/connectivity/index.js'

const FAST: RetryPolicy = { deadlineMs: 5000, baseBackoffMs: 1, maxBackoffMs: 5 }

const cfError = (status: number, retryAfterMs?: number) =>
  new CfApiError('create route', status, { code: 10001, title: 'CF-Test', detail: `answer ${status}` }, { retryAfterMs })

/** An attempt function that fails with the given errors, in order, and then answers 'ok'; it records its calls. */
function failingWith(...errors: Error[]) {
  const remainingMs: number[] = []
  const attempt = async (remaining: number) => {
    remainingMs.push(remaining)
    const next = errors.shift()
    if (next) throw next
    return 'ok'
  }
  return Object.assign(attempt, { remainingMs })
}

describe('withRetries', () => {
  test('retries 5xx, 429 and unanswered requests until one succeeds', async () => {
    const attempt = failingWith(cfError(500), cfError(503), cfError(429), new UpstreamUnreachableError('CFAPI', 'POST /v3/routes', new Error('ECONNRESET')))
    expect(await withRetries('create route', FAST, attempt)).toBe('ok')
    expect(attempt.remainingMs).toHaveLength(5)
  })

  test.each([400, 401, 403, 404, 422])('does not retry a %i', async status => {
    const attempt = failingWith(cfError(status))
    await expect(withRetries('create route', FAST, attempt)).rejects.toMatchObject({ status, detail: `answer ${status}` })
    expect(attempt.remainingMs).toHaveLength(1)
  })

  test('does not retry a missing destination', async () => {
    const attempt = failingWith(new DestinationNotFoundError('CFAPI'))
    await expect(withRetries('create route', FAST, attempt)).rejects.toBeInstanceOf(DestinationNotFoundError)
    expect(attempt.remainingMs).toHaveLength(1)
  })

  test('waits at least the Retry-After CF asked for', async () => {
    const attempt = failingWith(cfError(429, 300))
    const started = Date.now()
    await withRetries('create route', FAST, attempt)
    expect(Date.now() - started).toBeGreaterThanOrEqual(300)
  })

  test('a Retry-After of 0 still backs off', async () => {
    const attempt = failingWith(cfError(429, 0), cfError(429, 0))
    const started = Date.now()
    await withRetries('create route', { deadlineMs: 5000, baseBackoffMs: 100, maxBackoffMs: 100 }, attempt)
    expect(Date.now() - started).toBeGreaterThanOrEqual(100)
  })

  test('gives up before the deadline would pass, with the attempts made and the last failure', async () => {
    const attempt = failingWith(...Array.from({ length: 100 }, () => cfError(503)))
    const started = Date.now()
    const failure = await withRetries('create route', { deadlineMs: 300, baseBackoffMs: 20, maxBackoffMs: 40 }, attempt).catch(err => err)

    expect(failure).toBeInstanceOf(CfDeadlineError)
    expect(failure).toMatchObject({ status: 504, code: 'CF_API_DEADLINE_EXCEEDED', attempts: attempt.remainingMs.length, cause: expect.objectContaining({ status: 503 }) })
    expect(failure.message).toMatch(/^CF API create route did not succeed within 300 ms \(\d+ attempts\); last failure: .*answer 503/)
    // Timers fire late on a loaded machine; ignoring the deadline would take ~100 attempts × ~30 ms = ~3 s.
    expect(Date.now() - started).toBeLessThan(1000)
  })

  test('does not wait for a Retry-After that ends past the deadline', async () => {
    const attempt = failingWith(cfError(429, 10_000))
    const started = Date.now()
    await expect(withRetries('create route', FAST, attempt)).rejects.toBeInstanceOf(CfDeadlineError)
    expect(Date.now() - started).toBeLessThan(3000) // waiting for the Retry-After would take 10 s
  })

  test('gives each attempt the time left until the deadline', async () => {
    const attempt = failingWith(cfError(500))
    await withRetries('create route', { deadlineMs: 1000, baseBackoffMs: 50, maxBackoffMs: 50 }, attempt)
    const [first, second] = attempt.remainingMs
    expect(first).toBeLessThanOrEqual(1000)
    expect(second).toBeLessThanOrEqual(first - 25)
  })
})

describe('withRetries within an operation’s deadline', () => {
  const LONG: RetryPolicy = { deadlineMs: 60_000, baseBackoffMs: 10, maxBackoffMs: 10 }

  test('a call gets only the time its operation has left, and its failure names the operation’s deadline', async () => {
    const attempt = failingWith(...Array.from({ length: 1000 }, () => cfError(503)))
    const failure = await withinDeadline(200, () => withRetries('map route', LONG, attempt)).catch(err => err)
    expect(failure).toBeInstanceOf(CfDeadlineError)
    expect(failure.message).toMatch(/^CF API map route did not succeed within 200 ms/)
    expect(attempt.remainingMs[0]).toBeLessThanOrEqual(200)
  })

  test('a call that starts when its operation’s time is up fails without an attempt', async () => {
    const attempt = failingWith()
    const failure = await withinDeadline(1, async () => {
      await new Promise(resolve => setTimeout(resolve, 10))
      return withRetries('map route', LONG, attempt)
    }).catch(err => err)
    expect(failure).toMatchObject({ attempts: 0, message: expect.stringContaining('the calls before it used up the time') })
    expect(attempt.remainingMs).toEqual([])
  })

  test('clean-up outside the operation’s deadline gets the call’s own time', async () => {
    const attempt = failingWith()
    const result = await withinDeadline(1, async () => {
      await new Promise(resolve => setTimeout(resolve, 10))
      return outsideDeadline(() => withRetries('delete route', LONG, attempt))
    })
    expect(result).toBe('ok')
    expect(attempt.remainingMs[0]).toBeGreaterThan(50_000)
  })

  test('an inner operation cannot extend the deadline of the one it is part of', async () => {
    const attempt = failingWith()
    await withinDeadline(500, () => withinDeadline(60_000, () => withRetries('create route', LONG, attempt)))
    expect(attempt.remainingMs[0]).toBeLessThanOrEqual(500)
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-22T10:00:00Z')

  test.each([
    ['delta seconds', '2', 2000],
    ['zero', '0', 0],
    ['an HTTP date', 'Sun, 22 Nov 2026 10:00:03 GMT', 3000],
    ['an HTTP date in the past', 'Sun, 22 Nov 2026 09:59:00 GMT', 0]
  ])('reads %s', (_, header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms)
  })

  test.each([undefined, '', 'soon', '-5'])('ignores %j', header => {
    expect(parseRetryAfter(header, now)).toBeUndefined()
  })
})
