// The UIs' annotations, loaded with the services. Annotations live in app/<ui>/; this file only imports them.
using from './accounts/labels';
using from './accounts/layouts';
using from './accounts/capabilities';
