import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'

/** Debian's chromium (`apt-get install -y chromium`); playwright never downloads a browser here. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Headless, and quiet on a machine without internet: no background requests to Google's hosts. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.`)
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS })
}

/**
 * A page whose every request carries the user's bearer token, as the approuter adds it in the cloud. Errors the
 * page logs are collected, so a test can show them when something does not appear.
 */
export async function pageAs(browser: Browser, token: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ extraHTTPHeaders: { authorization: `Bearer ${token}` }, viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', message => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', error => errors.push(error.message))
  return { page, errors }
}
