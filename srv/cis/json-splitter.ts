/** Where a split array sits in the document: object keys and array indices from the root. */
export type ArrayPath = ReadonlyArray<string | number>

/** Receives each cut-out element, parsed, with the path of its array (one path object per array). */
export type ElementHandler = (element: unknown, arrayPath: ArrayPath) => void

/** Whether the array at this path is to be split. */
export type SplitRule = (arrayPath: ArrayPath) => boolean

const OPEN_OBJECT = 0x7b // {
const CLOSE_OBJECT = 0x7d // }
const OPEN_ARRAY = 0x5b // [
const CLOSE_ARRAY = 0x5d // ]
const QUOTE = 0x22 // "
const COMMA = 0x2c // ,
const COLON = 0x3a // :

function indexOrEnd(text: string, search: string, from: number): number {
  const index = text.indexOf(search, from)
  return index < 0 ? text.length : index
}

interface ObjectFrame {
  array: false
  /** The key last read in this object: the one whose value is open. */
  key: string | null
  expectKey: boolean
}

interface ArrayFrame {
  array: true
  /** Index of the element under way. */
  index: number
}

type Frame = ObjectFrame | ArrayFrame

/**
 * Parses a JSON text that arrives in chunks and cuts out the elements of every array `shouldSplit` picks by its
 * path (not within an element already cut out): each element is parsed on its own, as soon as its text is
 * complete, and handed to `onElement`; the array stays in the rest of the document (the skeleton) as `[]`, and
 * `end()` parses and returns that skeleton.
 *
 * Why: a 10,000-subaccount answer of CIS is 9 MB of JSON. Read whole, it is held as raw bytes, as one string and
 * as one parsed tree at the same time; split, only the element under way and the skeleton are, and every element
 * can be dropped or turned into something smaller at once. Malformed JSON throws a `SyntaxError`, as
 * `JSON.parse` does.
 */
export class JsonSplitter {
  readonly #shouldSplit: SplitRule
  readonly #onElement: ElementHandler
  readonly #stack: Frame[] = []
  readonly #skeleton: string[] = []
  /** Text of the element under way that came in earlier chunks. */
  #elementParts: string[] = []
  #inString = false
  #escaped = false
  /** Text of a key under way that came in earlier chunks; null when no key is being read. */
  #keyParts: string[] | null = null
  /** Stack depth at which the split array under way sits; -1 when none is. */
  #splitDepth = -1
  #splitPath: ArrayPath = []
  #inElement = false

  constructor(shouldSplit: SplitRule, onElement: ElementHandler) {
    this.#shouldSplit = shouldSplit
    this.#onElement = onElement
  }

  write(chunk: string): void {
    const stack = this.#stack
    // Text from `start` up to the current position still belongs to the skeleton, the element or is dropped.
    let start = 0
    let keyStart = this.#keyParts ? 0 : -1
    // Strings are skipped with indexOf rather than character by character: they are most of a CIS answer.
    let nextBackslash = -1
    for (let i = 0; i < chunk.length; i++) {
      if (this.#inString) {
        if (this.#escaped) {
          this.#escaped = false
          continue
        }
        if (nextBackslash < i) nextBackslash = indexOrEnd(chunk, '\\', i)
        const quote = indexOrEnd(chunk, '"', i)
        if (nextBackslash < quote) {
          // The character after the backslash is escaped, whichever chunk it comes in.
          i = nextBackslash
          this.#escaped = true
          continue
        }
        i = quote
        if (quote === chunk.length) break
        this.#inString = false
        if (keyStart >= 0) {
          this.#keyRead(chunk.slice(keyStart, i))
          keyStart = -1
        }
        continue
      }
      const c = chunk.charCodeAt(i)
      const top = stack[stack.length - 1]
      const atSplitLevel = this.#splitDepth === stack.length && !this.#inElement
      if (atSplitLevel) {
        // Between the elements of a split array: separators are dropped, `]` closes it, anything else opens one.
        if (c === CLOSE_ARRAY) {
          start = i
          this.#splitDepth = -1
        } else if (c === COMMA || c <= 0x20) {
          start = i + 1
          continue
        } else {
          start = i
          this.#inElement = true
        }
      }
      switch (c) {
        case QUOTE:
          this.#inString = true
          if (top && !top.array && top.expectKey && this.#splitDepth < 0) {
            keyStart = i + 1
            this.#keyParts = []
          }
          break
        case COLON:
          if (top && !top.array) top.expectKey = false
          break
        case COMMA:
          if (top?.array) top.index++
          else if (top) top.expectKey = true
          if (this.#inElement && stack.length === this.#splitDepth) {
            // The end of a scalar element.
            this.#emit(chunk.slice(start, i))
            start = i + 1
          }
          break
        case OPEN_OBJECT:
          stack.push({ array: false, key: null, expectKey: true })
          break
        case OPEN_ARRAY: {
          const path = this.#splitDepth < 0 ? stack.map(frame => (frame.array ? frame.index : frame.key!)) : null
          stack.push({ array: true, index: 0 })
          if (path && this.#shouldSplit(path)) {
            this.#skeleton.push(chunk.slice(start, i + 1))
            start = i + 1
            this.#splitDepth = stack.length
            this.#splitPath = path
          }
          break
        }
        case CLOSE_OBJECT:
        case CLOSE_ARRAY: {
          const closed = stack.pop()
          if (!closed || closed.array !== (c === CLOSE_ARRAY)) throw new SyntaxError(`Unexpected '${String.fromCharCode(c)}' in JSON`)
          if (this.#inElement && stack.length === this.#splitDepth) {
            this.#emit(chunk.slice(start, i + 1))
            start = i + 1
          } else if (this.#inElement && stack.length === this.#splitDepth - 1) {
            // A scalar last element, ended by the array's `]`.
            this.#emit(chunk.slice(start, i))
            this.#splitDepth = -1
            start = i
          }
          break
        }
      }
    }
    if (keyStart >= 0) this.#keyParts!.push(chunk.slice(keyStart))
    const rest = chunk.slice(start)
    if (this.#inElement) this.#elementParts.push(rest)
    else if (this.#splitDepth < 0 || this.#splitDepth !== stack.length) this.#skeleton.push(rest)
  }

  /** The skeleton, parsed; throws when the text ended early or was no JSON. */
  end(): unknown {
    if (this.#stack.length || this.#inString) throw new SyntaxError('Unexpected end of JSON input')
    return JSON.parse(this.#skeleton.join(''))
  }

  #keyRead(lastPart: string): void {
    const raw = this.#keyParts!.length ? this.#keyParts!.join('') + lastPart : lastPart
    this.#keyParts = null
    const top = this.#stack[this.#stack.length - 1] as ObjectFrame
    top.key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw
  }

  #emit(lastPart: string): void {
    const text = this.#elementParts.length ? this.#elementParts.join('') + lastPart : lastPart
    this.#elementParts = []
    this.#inElement = false
    this.#onElement(JSON.parse(text), this.#splitPath)
  }
}
