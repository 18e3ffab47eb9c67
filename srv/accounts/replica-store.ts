import cds from '@sap/cds'
import {
  DataCenters,
  Directories,
  DirectoryLabels,
  Entitlements,
  GlobalAccounts,
  ServicePlans,
  SubaccountLabels,
  Subaccounts,
  SyncSourceCode,
  SyncStatuses,
  type SyncStatus
} from '#cds-models/tenanthub'
import type { ReplicaContent } from './replica-content.js'
import { insertRows } from './replica-rows.js'

/** The key of the one sync-status row of a tenant's replica. */
export const SYNC_STATUS_ID = 'replica'

/** The replica's tables, children first, so that deleting in this order never orphans a row even for a moment. */
const REPLICA_TABLES = [Entitlements, SubaccountLabels, DirectoryLabels, Subaccounts, Directories, GlobalAccounts, ServicePlans, DataCenters]

/** What a failed attempt leaves in the sync status. */
export interface FailureRecord {
  code: string
  /** In the default language: the status row is read by anyone of the tenant. */
  message: string
  status: number
  retryAfter: Date
}

/**
 * The database side of a sync, in the tenant's own database. Each function runs in a transaction of its own,
 * never the caller's request transaction, so that many readers can wait for one sync without holding a connection.
 */
export const replicaStore = {
  readStatus(tenant: string): Promise<SyncStatus | undefined> {
    return cds.tx({ tenant }, tx => tx.run(SELECT.one.from(SyncStatuses).where({ ID: SYNC_STATUS_ID }))) as Promise<SyncStatus | undefined>
  },

  /**
   * Takes the tenant's sync lease for `owner` unless another app instance holds an unexpired one: a conditional
   * update that changes nothing when the lease is taken. Creates the status row on the first sync.
   */
  async acquireLease(tenant: string, owner: string, leaseMs: number): Promise<boolean> {
    const lease = { leaseUntil: new Date(Date.now() + leaseMs).toISOString(), leaseOwner: owner }
    const taken: number = await cds.tx({ tenant }, tx =>
      tx.run(UPDATE(SyncStatuses).set(lease).where('ID =', SYNC_STATUS_ID, 'and (leaseUntil is null or leaseUntil < $now)'))
    )
    if (taken > 0) return true
    if (await this.readStatus(tenant)) return false
    try {
      await cds.tx({ tenant }, tx => tx.run(INSERT.into(SyncStatuses).entries({ ID: SYNC_STATUS_ID, ...lease })))
      return true
    } catch (err) {
      // Another instance created the row (and so holds the lease) in the meantime.
      if (await this.readStatus(tenant)) return false
      throw err
    }
  },

  /** Gives the lease back without recording anything (e.g. the replica turned out to be fresh already). */
  async releaseLease(tenant: string, owner: string): Promise<void> {
    await cds.tx({ tenant }, tx => tx.run(UPDATE(SyncStatuses).set({ leaseUntil: null, leaseOwner: null }).where({ ID: SYNC_STATUS_ID, leaseOwner: owner })))
  },

  /** Records a failed attempt and releases the lease; the replica itself is left as it was. */
  async recordFailure(tenant: string, owner: string, failure: FailureRecord, startedAt: Date): Promise<SyncStatus | undefined> {
    await cds.tx({ tenant }, tx =>
      tx.run(
        UPDATE(SyncStatuses)
          .set({
            lastAttemptAt: startedAt.toISOString(),
            lastDurationMs: Date.now() - startedAt.getTime(),
            lastError: failure.message,
            lastErrorCode: failure.code,
            lastErrorStatus: failure.status,
            retryAfter: failure.retryAfter.toISOString(),
            leaseUntil: null,
            leaseOwner: null
          })
          .where({ ID: SYNC_STATUS_ID, leaseOwner: owner })
      )
    )
    return this.readStatus(tenant)
  },

  /**
   * Replaces the whole replica with `content` and records the success, in one transaction: readers see the old
   * replica or the new one, never a mix.
   */
  async replaceReplica(tenant: string, owner: string, content: ReplicaContent, startedAt: Date, maxAgeMs: number): Promise<SyncStatus | undefined> {
    const syncedAt = new Date()
    await cds.tx({ tenant }, async tx => {
      for (const table of REPLICA_TABLES) await tx.run(DELETE.from(table))
      const inserts: Array<[{ name: string }, object[]]> = [
        [GlobalAccounts, content.globalAccounts],
        [Directories, content.directories],
        [DirectoryLabels, content.directoryLabels],
        [Subaccounts, content.subaccounts],
        [SubaccountLabels, content.subaccountLabels],
        [ServicePlans, content.servicePlans],
        [Entitlements, content.entitlements],
        [DataCenters, content.dataCenters]
      ]
      for (const [table, rows] of inserts) await insertRows(tx, table.name, rows)
      await tx.run(
        UPDATE(SyncStatuses)
          .set({
            source_code: content.source === 'own' ? SyncSourceCode.own : SyncSourceCode.provider,
            globalAccount_guid: content.globalAccountGuid ?? null,
            subaccountOnly: content.scope.kind === 'subaccount' ? content.scope.guid : null,
            lastSyncedAt: syncedAt.toISOString(),
            freshUntil: new Date(syncedAt.getTime() + maxAgeMs).toISOString(),
            lastAttemptAt: startedAt.toISOString(),
            lastDurationMs: syncedAt.getTime() - startedAt.getTime(),
            lastError: null,
            lastErrorCode: null,
            lastErrorStatus: null,
            retryAfter: null,
            leaseUntil: null,
            leaseOwner: null
          })
          .where({ ID: SYNC_STATUS_ID, leaseOwner: owner })
      )
    })
    return this.readStatus(tenant)
  }
}
