/** The part of autocannon's programmatic API the benchmarks use (the package ships no types). */
declare module 'autocannon' {
  export interface Options {
    url: string
    connections?: number
    /** Seconds. */
    duration?: number
    headers?: Record<string, string>
  }

  export interface Histogram {
    average: number
    mean: number
    p50: number
    p99: number
    total: number
  }

  export interface Result {
    /** Seconds the run took. */
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    /** `total`: completed requests. */
    requests: Histogram & { sent: number }
    /** Milliseconds. */
    latency: Histogram
    /** Bytes; `total`: all bytes received. */
    throughput: Histogram
  }

  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
