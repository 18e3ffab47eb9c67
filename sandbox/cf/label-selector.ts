/**
 * CC's `label_selector` language (`lib/cloud_controller/label_selector`): `key=value`, `key==value`, `key!=value`,
 * `key in (a,b)`, `key notin (a,b)`, `key`, `!key`, requirements ANDed by commas. The lexer and the state
 * machine follow CC, so parse errors carry CC's wording.
 */

export type LabelOperator = 'equal' | 'not_equal' | 'in' | 'notin' | 'exists' | 'not_exists'

export interface LabelRequirement {
  key: string
  operator: LabelOperator
  values: string[]
}

export class LabelSelectorError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LabelSelectorError'
  }
}

type TokenType = 'comma' | 'open_paren' | 'close_paren' | 'space' | 'equal' | 'not_equal' | 'not_op' | 'word' | 'error' | 'eof'

interface Token {
  type: TokenType
  text: string
  position: number
}

const TOKEN_TYPES: readonly TokenType[] = ['comma', 'open_paren', 'close_paren', 'space', 'equal', 'not_equal', 'not_op', 'word', 'error']
const TOKEN_PATTERN = /(,)|(\()|(\))|(\s+)|(==?)|(!=)|(!)|([-_.\w]+(?:\/[-_.\w]+)?)|(.)/g

function scan(input: string): Token[] {
  return [...input.matchAll(TOKEN_PATTERN)].map(match => {
    const group = match.slice(1).findIndex(g => g !== undefined)
    return { type: TOKEN_TYPES[group], text: match[0], position: match.index }
  })
}

/** Parses a selector; throws `LabelSelectorError` with CC's message. */
export function parseLabelSelector(input: string): LabelRequirement[] {
  if (input === '') throw new LabelSelectorError('empty label selector not allowed')
  const scanned = scan(input)
  const bad = scanned.find(t => t.type === 'error')
  if (bad) throw tokenError('disallowed character(s)', input, bad)
  const tokens = [...scanned.filter(t => t.type !== 'space'), { type: 'eof' as const, text: '', position: input.length }]
  return new SelectorParser(input).parse(tokens)
}

type State =
  | 'at_start'
  | 'has_not_op'
  | 'has_key'
  | 'expect_value'
  | 'expecting_open_paren'
  | 'expecting_set_value'
  | 'expecting_comma_or_close_paren'
  | 'expecting_comma_or_eof'

/** What each state expects, as CC words it in "expecting …". */
const EXPECTED: Record<State, string> = {
  at_start: "a key or '!'",
  has_not_op: 'a key',
  has_key: "a ',', operator, or end",
  expect_value: 'a value',
  expecting_open_paren: "a '('",
  expecting_set_value: 'a value',
  expecting_comma_or_close_paren: "a ',' or ')'",
  expecting_comma_or_eof: "a ',' or end"
}

class SelectorParser {
  readonly #input: string
  readonly #requirements: LabelRequirement[] = []
  #state: State = 'at_start'
  #current: LabelRequirement | undefined

  constructor(input: string) {
    this.#input = input
  }

  parse(tokens: Token[]): LabelRequirement[] {
    for (const token of tokens) {
      if (this.#step(token)) return this.#requirements
    }
    throw new LabelSelectorError('Expecting completion of the selector, hit the end')
  }

  /** Applies one token; true when the selector is complete. */
  #step(token: Token): boolean {
    switch (this.#state) {
      case 'at_start':
        if (token.type === 'word') return this.#startKey(token.text)
        if (token.type === 'not_op') return this.#to('has_not_op')
        if (token.type === 'not_equal') throw this.#expected("a key or '!' not followed by '='", token)
        break
      case 'has_not_op':
        if (token.type === 'word') return this.#push({ key: token.text, operator: 'not_exists', values: [] }, 'expecting_comma_or_eof')
        break
      case 'has_key':
        if (token.type === 'equal' || token.type === 'not_equal') return this.#setOperator(token.type, 'expect_value')
        if (token.type === 'word') {
          if (token.text === 'in' || token.text === 'notin') return this.#setOperator(token.text, 'expecting_open_paren')
          throw this.#expected("a ',', operator, or end", token)
        }
        if (token.type === 'comma' || token.type === 'eof') {
          this.#push(this.#current!, 'at_start')
          return token.type === 'eof'
        }
        break
      case 'expect_value':
        if (token.type === 'word') return this.#addValue(token.text, true)
        break
      case 'expecting_open_paren':
        if (token.type === 'open_paren') return this.#to('expecting_set_value')
        break
      case 'expecting_set_value':
        if (token.type === 'word') return this.#addValue(token.text, false)
        break
      case 'expecting_comma_or_close_paren':
        if (token.type === 'comma') return this.#to('expecting_set_value')
        if (token.type === 'close_paren') return this.#push(this.#current!, 'expecting_comma_or_eof')
        break
      case 'expecting_comma_or_eof':
        if (token.type === 'comma') return this.#to('at_start')
        if (token.type === 'eof') return true
        break
    }
    throw this.#expected(EXPECTED[this.#state], token)
  }

  #to(state: State): false {
    this.#state = state
    return false
  }

  #startKey(key: string): false {
    this.#current = { key, operator: 'exists', values: [] }
    return this.#to('has_key')
  }

  #setOperator(operator: LabelOperator, next: State): false {
    this.#current!.operator = operator
    return this.#to(next)
  }

  #addValue(value: string, completesRequirement: boolean): false {
    this.#current!.values.push(value)
    return completesRequirement ? this.#push(this.#current!, 'expecting_comma_or_eof') : this.#to('expecting_comma_or_close_paren')
  }

  #push(requirement: LabelRequirement, next: State): false {
    this.#requirements.push(requirement)
    return this.#to(next)
  }

  #expected(what: string, token: Token): LabelSelectorError {
    return tokenError(`expecting ${what}`, this.#input, token)
  }
}

/** CC's error text: the message, then the input with the offending token marked `<<…>>`. */
function tokenError(message: string, input: string, token: Token): LabelSelectorError {
  const parts: string[] = []
  if (token.position > 0) {
    const start = input.slice(0, token.position)
    parts.push(start.length > 30 ? `...${start.slice(-27)}` : start)
  }
  parts.push(`<<${token.text}>>`)
  const endAt = token.position + token.text.length
  if (endAt < input.length) {
    const end = input.slice(endAt)
    parts.push(end.length > 30 ? `${end.slice(0, 28)}...` : end)
  }
  return new LabelSelectorError(`${message}, got "${parts.join('')}"`)
}

/** Whether labels satisfy every requirement (`!=` and `notin` also match resources without the key). */
export function matchesLabelSelector(labels: Record<string, string>, requirements: readonly LabelRequirement[]): boolean {
  return requirements.every(({ key, operator, values }) => {
    const present = Object.hasOwn(labels, key)
    switch (operator) {
      case 'exists': return present
      case 'not_exists': return !present
      case 'equal': return present && labels[key] === values[0]
      case 'not_equal': return !present || labels[key] !== values[0]
      case 'in': return present && values.includes(labels[key])
      case 'notin': return !present || !values.includes(labels[key])
    }
  })
}
