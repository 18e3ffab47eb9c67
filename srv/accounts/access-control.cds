using { AccountService } from './accounts-service';

annotate AccountService with @(requires: 'Viewer');
