using from './accounts/accounts-service';
using from './accounts/access-control';
using from './admin/admin-service';
using from './admin/access-control';
