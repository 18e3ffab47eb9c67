/**
 * `npm run bench`: figures as counts and ratios measured within one run (never absolute times alone), each
 * printed with its target, and written to bench/results.json.
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { readThroughput, syncScale } from './accounts.js'
import { burst, latencyOverFloor, upstreamCalls, type Figure } from './onboarding.js'

const only = process.argv.slice(2)
const suites: Array<[string, () => Promise<Figure[]>]> = [
  ['B1', upstreamCalls],
  ['B2', () => latencyOverFloor()],
  ['B3', () => readThroughput()],
  ['B4', () => syncScale()],
  ['B5', () => burst()]
]

const figures: Figure[] = []
for (const [id, run] of suites) {
  if (only.length && !only.includes(id)) continue
  const started = Date.now()
  process.stdout.write(`${id} …`)
  figures.push(...(await run()))
  process.stdout.write(` ${Math.round((Date.now() - started) / 1000)} s\n`)
}

console.log()
console.table(figures.map(f => ({ id: f.id, figure: f.name, value: `${f.value} ${f.unit}`, target: f.target, met: f.met ? 'yes' : 'NO' })))
writeFileSync(resolve(import.meta.dirname, 'results.json'), JSON.stringify({ measuredAt: new Date().toISOString(), figures }, null, 2) + '\n')
console.log('written to bench/results.json')
