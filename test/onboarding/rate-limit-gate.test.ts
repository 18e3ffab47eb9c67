import { CfApiError } from '../../srv/cf/errors.js'
import { RateLimitGate, rateLimitGateOf } from '../../srv/cf/rate-limit-gate.js'

const FAR = () => Date.now() + 60_000
const ok = (remaining?: number) => ({ status: 200, headers: remaining === undefined ? {} : { 'x-ratelimit-remaining': String(remaining) } })
const refused = (retryAfter: string) => ({ status: 429, headers: { 'retry-after': retryAfter, 'x-ratelimit-remaining': '0' } })

/**
 * Starts `count` calls through the gate; `let` says how many of them it has let out so far. The test ends by
 * `releaseAll`, so that no call is left waiting on the gate's timers.
 */
function callers(gate: RateLimitGate, count: number) {
  let entered = 0
  const entries = Array.from({ length: count }, () => gate.enter('create route', FAR()).then(() => void entered++))
  const releaseAll = async () => {
    gate.leave(ok()) // no rate-limit headers: every waiting call goes
    await Promise.all(entries)
  }
  return { let: async () => (await flush(), entered), releaseAll }
}

/** Lets every promise the gate has already resolved run its continuation. */
const flush = () => new Promise(resolve => setImmediate(resolve))

test('while CF has said nothing of a limit, every call goes at once', async () => {
  const gate = new RateLimitGate()
  const calls = callers(gate, 50)
  expect(await calls.let()).toBe(50)
})

test('after a 429, one call goes first; its X-RateLimit-Remaining says how many may be under way', async () => {
  const gate = new RateLimitGate()
  await gate.enter('probe', FAR())
  gate.leave(refused('0')) // the window is open again at once, but CF's allowance is unknown

  const calls = callers(gate, 12)
  expect(await calls.let()).toBe(1)
  gate.leave(ok(5))
  expect(await calls.let()).toBe(6) // 5 under way
  gate.leave(ok(5))
  expect(await calls.let()).toBe(7) // still no more than 5
  await calls.releaseAll()
})

test('at an estimate of 0 remaining, calls go one at a time', async () => {
  const gate = new RateLimitGate()
  await gate.enter('first', FAR())
  gate.leave(ok(0))
  const calls = callers(gate, 3)
  expect(await calls.let()).toBe(1)
  gate.leave(ok(0))
  expect(await calls.let()).toBe(2)
  await calls.releaseAll()
})

test('an answer without rate-limit headers lifts the pacing', async () => {
  const gate = new RateLimitGate()
  await gate.enter('first', FAR())
  gate.leave(ok(0))
  const calls = callers(gate, 10)
  expect(await calls.let()).toBe(1)
  gate.leave(ok())
  expect(await calls.let()).toBe(10)
})

test('after a 429 with Retry-After, a call that cannot wait until then fails at once, saying how long', async () => {
  const gate = new RateLimitGate()
  await gate.enter('first', FAR())
  gate.leave(refused('30'))

  const error = await gate.enter('map route', Date.now() + 5_000).catch(err => err)
  expect(error).toBeInstanceOf(CfApiError)
  expect(error).toMatchObject({ status: 429, cfCode: 10013, operation: 'map route' })
  expect(error.retryAfterMs).toBeGreaterThan(25_000)
})

test('a call held back for its turn past its deadline fails instead of waiting on', async () => {
  const gate = new RateLimitGate()
  await gate.enter('first', FAR())
  gate.leave(ok(0))
  await gate.enter('second', FAR()) // under way: the only one allowed
  const error = await gate.enter('third', Date.now() + 50).catch(err => err)
  expect(error).toMatchObject({ status: 429 })
})

test('a call that got no answer frees its place', async () => {
  const gate = new RateLimitGate()
  await gate.enter('first', FAR())
  gate.leave(ok(0))
  const calls = callers(gate, 2)
  expect(await calls.let()).toBe(1)
  gate.leave(undefined) // e.g. a connection reset
  expect(await calls.let()).toBe(2)
  await calls.releaseAll()
})

test('one gate per CF destination, as CF limits per user', () => {
  expect(rateLimitGateOf('CFAPI')).toBe(rateLimitGateOf('CFAPI'))
  expect(rateLimitGateOf('CFAPI')).not.toBe(rateLimitGateOf('CFAPI_OTHER'))
})
