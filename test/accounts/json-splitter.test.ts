import { JsonSplitter, type ArrayPath } from '../../srv/cis/json-splitter.js'
import { recorded } from '../contract/helpers/cis-recordings.js'

/** Splits `text` fed in the given chunks; returns the skeleton and the elements with their array paths. */
function split(chunks: string[], keys: string[]) {
  const elements: Array<{ element: unknown; path: ArrayPath }> = []
  const underKey = (path: ArrayPath) => keys.includes(String(path[path.length - 1]))
  const splitter = new JsonSplitter(underKey, (element, path) => elements.push({ element, path: [...path] }))
  for (const chunk of chunks) splitter.write(chunk)
  return { skeleton: splitter.end(), elements }
}

/** Puts the elements back where they were cut out: must give what JSON.parse gives for the whole text. */
function reassembled(skeleton: unknown, elements: Array<{ element: unknown; path: ArrayPath }>): unknown {
  for (const { element, path } of elements) {
    let target = skeleton as Record<string | number, unknown>
    for (const step of path) target = target[step] as Record<string | number, unknown>
    ;(target as unknown as unknown[]).push(element)
  }
  return skeleton
}

function chunksOf(text: string, size: number): string[] {
  const chunks: string[] = []
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size))
  return chunks
}

const tree = {
  guid: 'ga',
  displayName: 'Global "quoted" \\ account',
  children: [
    {
      guid: 'd1',
      labels: { region: ['EU'] },
      subaccounts: [{ guid: 's1', labels: { a: ['x'] }, note: 'a } and ] in a string' }, { guid: 's2' }],
      children: [{ guid: 'd2', subaccounts: [], children: [] }]
    }
  ],
  subaccounts: [{ guid: 's0', customProperties: [{ key: 'k', value: 'v' }], nested: { subaccounts: [{ guid: 'inner' }] } }],
  'sub\u00e4ccounts': ['unicode key, not split'],
  numbers: [1, 2.5e3, -0, true, null]
}

describe('JsonSplitter', () => {
  it('cuts out the elements of the split arrays and leaves them empty in the skeleton', () => {
    const { skeleton, elements } = split([JSON.stringify(tree)], ['subaccounts'])
    expect(elements.map(e => (e.element as { guid: string }).guid)).toEqual(['s1', 's2', 's0'])
    expect(elements.map(e => e.path)).toEqual([['children', 0, 'subaccounts'], ['children', 0, 'subaccounts'], ['subaccounts']])
    const rest = skeleton as typeof tree
    expect(rest.subaccounts).toEqual([])
    expect(rest.children[0].subaccounts).toEqual([])
    // An array the rule picks inside an element already cut out stays in that element.
    expect(elements[2].element).toEqual(tree.subaccounts[0])
  })

  it('asks the rule with the path of each array', () => {
    const asked: ArrayPath[] = []
    const splitter = new JsonSplitter(path => (asked.push([...path]), path.join('/') === 'children/0/subaccounts'), () => undefined)
    splitter.write(JSON.stringify(tree))
    expect((splitter.end() as typeof tree).subaccounts).toEqual(tree.subaccounts)
    expect(asked).toContainEqual(['children', 0, 'labels', 'region'])
    expect(asked).toContainEqual(['children', 0, 'children', 0, 'subaccounts'])
    // Not within an element cut out.
    expect(asked).not.toContainEqual(['children', 0, 'subaccounts', 0, 'labels', 'a'])
  })

  it.each([1, 2, 3, 7, 64])('gives what JSON.parse gives, whatever the chunk size (%i)', size => {
    const text = JSON.stringify(tree, null, size % 2 ? 2 : 0)
    const { skeleton, elements } = split(chunksOf(text, size), ['subaccounts', 'numbers'])
    expect(reassembled(skeleton, elements)).toEqual(JSON.parse(text))
  })

  it('splits arrays of scalars, including the last element before "]"', () => {
    const { elements } = split(['{"numbers":[1, "two" ,3]}'], ['numbers'])
    expect(elements.map(e => e.element)).toEqual([1, 'two', 3])
  })

  it('reads keys with escapes and keys cut by a chunk boundary', () => {
    const text = '{"a\\"b":1,"subaccounts":[{"x":1}],"sub\\u0061ccounts":[{"y":2}]}'
    for (let cut = 1; cut < text.length; cut++) {
      const { skeleton, elements } = split([text.slice(0, cut), text.slice(cut)], ['subaccounts'])
      expect(elements.map(e => e.element)).toEqual([{ x: 1 }, { y: 2 }])
      expect(skeleton).toEqual({ 'a"b': 1, subaccounts: [] })
    }
  })

  it.each([
    ['truncated', '{"subaccounts":[{"guid":"s1"}'],
    ['an HTML page', '<html>Bad Gateway</html>'],
    ['empty', ''],
    ['mismatched brackets', '{"subaccounts":[{"guid":"s1"]]}'],
    ['a broken element', '{"subaccounts":[{"guid":}]}']
  ])('throws a SyntaxError on %s input', (_, text) => {
    expect(() => split([text], ['subaccounts'])).toThrow(SyntaxError)
  })

  it('gives the recorded global account hierarchy back unchanged', () => {
    const text = JSON.stringify(recorded.globalAccountWithHierarchy(), null, 1)
    const { skeleton, elements } = split(chunksOf(text, 997), ['subaccounts'])
    expect(elements.length).toBeGreaterThan(0)
    expect(reassembled(skeleton, elements)).toEqual(JSON.parse(text))
  })
})
