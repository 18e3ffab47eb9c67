// Lets cds load srv/server.ts and the .ts service implementations under jest.
process.env.CDS_TYPESCRIPT = 'true'
