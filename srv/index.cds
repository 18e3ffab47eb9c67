using from './accounts/accounts-service';
using from './accounts/access-control';
