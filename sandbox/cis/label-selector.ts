/**
 * `labelSelector` of `GET /accounts/v1/subaccounts`: conditions `key=value` or `key!=value` joined by ` AND `;
 * one value per condition; keys and values must not contain spaces, `=` or `!` (accounts-service OpenAPI).
 */
import type { Labels } from './store.js'

export interface LabelCondition {
  key: string
  operator: '=' | '!='
  value: string
}

export class LabelSelectorError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LabelSelectorError'
  }
}

const CONDITION = /^([^\s=!]+)(!=|=)([^\s=!]+)$/

export function parseLabelSelector(selector: string): LabelCondition[] {
  return selector
    .trim()
    .split(/\s+AND\s+/)
    .map(term => {
      const match = CONDITION.exec(term)
      if (!match) throw new LabelSelectorError(`'${term}' is not a condition of the form key=value or key!=value`)
      return { key: match[1], operator: match[2] as LabelCondition['operator'], value: match[3] }
    })
}

/** `key!=value` also matches an entity that does not have the key at all. */
export function matchesLabelSelector(labels: Labels | undefined, conditions: readonly LabelCondition[]): boolean {
  return conditions.every(({ key, operator, value }) => {
    const has = labels?.[key]?.includes(value) ?? false
    return operator === '=' ? has : !has
  })
}
