using { AdminService } from './admin-service';

// Operators only. The provider-subaccount restriction is enforced in admin-service.ts: a role collection
// with Admin can also be assigned in a consumer subaccount, so the scope alone does not suffice.
annotate AdminService with @(requires: 'Admin');
