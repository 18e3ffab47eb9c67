// Leaves gen/srv/package.json with what the deployed app needs: runtime dependencies, the cds
// configuration and a start script. Development files copied by `cds build` are removed.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = process.argv[2] ?? 'gen/srv'
const file = join(dir, 'package.json')
const pkg = JSON.parse(readFileSync(file, 'utf8'))

delete pkg.devDependencies
delete pkg.overrides
pkg.scripts = { start: 'cds-serve' }
writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n')

for (const leftover of ['package-lock.json', 'jest.config.js', 'eslint.config.js']) rmSync(join(dir, leftover), { force: true })
