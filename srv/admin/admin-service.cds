/**
 * Operating tenant-hub: the subscribed tenants (mtxs' tenant metadata), the CF routes tenant-hub created for them
 * (found by label), the drift between the two, and its repair. Operators of the provider subaccount only.
 * Nothing here is persisted: every read asks mtxs and the CF API.
 */
@path: '/odata/v4/admin'
service AdminService {

  /** How a tenant and its CF route can disagree. */
  type DriftKind     : String(20) enum {
    /** A subscribed tenant has no route with the host the naming rule gives it. */
    MissingRoute;
    /** A route carries tenant-hub's labels but its tenant is not subscribed. */
    OrphanRoute;
    /** A tenant's route is not mapped to the approuter app. */
    UnmappedRoute;
    /** A tenant's route has a host or domain the naming rule no longer gives it. */
    HostMismatch;
  }

  /** What became of one repair of `reconcile`. */
  type RepairOutcome : String(10) enum {
    /** `dryRun`: what reconcile would do. */
    Planned;
    Done;
    Failed;
    /** Left alone: needs an operator, or a subscription of the tenant is in progress. */
    Skipped;
  }

  type CheckStatus   : String(10) enum {
    OK;
    Failed;
    /** Not run because an earlier check of the same destination failed. */
    Skipped;
  }

  type AppState      : String(10) enum {
    STARTED;
    STOPPED;
  }

  /** Subscribed tenants, from mtxs' tenant metadata (`cds.xt.Tenants` in t0). */
  @cds.persistence.skip
  entity Tenants {
    key ID            : String(36);
        subdomain     : String(63);
        subaccount    : String(36);
        globalAccount : String(36);
        createdAt     : Timestamp;
        modifiedAt    : Timestamp;
        /** The URL the naming rule gives the tenant; null when its subdomain cannot form a host. */
        url           : String(300);
  }

  /** The CF routes tenant-hub created (labelled `tenant-hub/managed-by`), in tenant-hub's space. */
  @cds.persistence.skip
  entity Routes {
    key guid              : UUID;
        host              : String(63);
        domain            : String(253);
        url               : String(300);
        /** The tenant id of the `tenant-hub/tenant-id` label. */
        tenant            : String(36);
        /** Names of the apps the route is mapped to, comma-separated. */
        mappedApps        : String(1000);
        mappedToApprouter : Boolean;
        createdAt         : Timestamp;
  }

  /** Where tenants and routes disagree, and what `reconcile` does about it. */
  @cds.persistence.skip
  @singular: 'DriftItem'
  entity Drift {
    key ID     : String(120);
        kind   : DriftKind;
        tenant : String(36);
        route  : UUID;
        host   : String(300);
        detail : String(1000);
        /** What `reconcile` does; null when it cannot repair this on its own. */
        repair : String(300);
  }

  /** The CF org and space tenant-hub runs in, with the apps in that space. */
  @cds.persistence.skip
  @plural: 'Spaces'
  entity Space {
    key guid             : UUID;
        name             : String(255);
        organization     : String(255);
        organizationGuid : UUID;
        apps             : many App;
  }

  type App {
    guid        : UUID;
    name        : String(255);
    state       : AppState;
    /** The app tenant routes are mapped to. */
    isApprouter : Boolean;
  }

  type Repair {
    kind    : DriftKind;
    tenant  : String(36);
    route   : UUID;
    host    : String(300);
    action  : String(300);
    outcome : RepairOutcome;
    /** Why it failed or was skipped. */
    message : String(1000);
  }

  type ConnectivityCheck {
    destination : String(50);
    /** `destination`, `token`, `upstream`, `approuter-app` or `domain`. */
    check       : String(30);
    status      : CheckStatus;
    detail      : String(2000);
  }

  /** Repairs the drift: creates missing routes, maps unmapped ones, deletes orphans and mismatched hosts. */
  action   reconcile(dryRun : Boolean)     returns many Repair;

  /** Makes the tenant's route right again: created and mapped as the naming rule says, other routes of it removed. */
  action   recreateRoute(tenant : String)  returns Routes;

  /** For CFAPI and CIS: destination found, token obtained, upstream reachable; for CFAPI also approuter app and domain. */
  function checkConnectivity()             returns many ConnectivityCheck;
}
