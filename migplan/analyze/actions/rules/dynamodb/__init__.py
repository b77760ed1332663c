"""dynamodb rules: what a move from Apache Cassandra to Amazon DynamoDB changes in the application."""
