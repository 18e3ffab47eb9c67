/** Objects whose keys are user data (metadata), so only their type is compared. */
const FREE_FORM_OBJECTS = new Set(['labels', 'annotations'])

/**
 * Structural comparison of a recorded and a simulated JSON body: the same keys at every level and the same value
 * types; ids, dates, hosts and other values may differ. `subset` accepts extra simulated keys, for recordings
 * that were trimmed to a few fields (mtx-tool's nock fixtures).
 */
export function shapeDifferences(recorded: unknown, simulated: unknown, mode: 'same' | 'subset' = 'same', path = '$'): string[] {
  const recordedType = typeName(recorded)
  const simulatedType = typeName(simulated)
  if (recordedType !== simulatedType) return [`${path}: recorded ${recordedType}, simulated ${simulatedType}`]
  if (recordedType === 'array') {
    const recordedItems = recorded as unknown[]
    const simulatedItems = simulated as unknown[]
    if (!recordedItems.length || !simulatedItems.length) return []
    return recordedItems.flatMap((item, i) =>
      shapeDifferences(item, simulatedItems[Math.min(i, simulatedItems.length - 1)], mode, `${path}[${i}]`)
    )
  }
  if (recordedType !== 'object' || FREE_FORM_OBJECTS.has(path.slice(path.lastIndexOf('.') + 1))) return []
  const recordedObject = recorded as Record<string, unknown>
  const simulatedObject = simulated as Record<string, unknown>
  const differences: string[] = []
  for (const key of Object.keys(recordedObject)) {
    if (!(key in simulatedObject)) differences.push(`${path}.${key}: missing in simulated`)
    else differences.push(...shapeDifferences(recordedObject[key], simulatedObject[key], mode, `${path}.${key}`))
  }
  if (mode === 'same') {
    for (const key of Object.keys(simulatedObject)) if (!(key in recordedObject)) differences.push(`${path}.${key}: not in recording`)
  }
  return differences
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}
