/** The pulsar external-stream type. */
package io.brook.connector.pulsar;
