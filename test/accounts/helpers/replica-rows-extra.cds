namespace test.replicaRows;

/** A table with a Date column, which the replica's bulk insert leaves to CAP. */
entity Dated {
  key ID   : Integer;
      day  : Date;
      flag : Boolean;
}
