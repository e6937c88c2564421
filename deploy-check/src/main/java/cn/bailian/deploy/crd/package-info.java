/**
 * Minimal schemas of the operators' kinds that deploy/ uses (Strimzi, CloudNativePG, Prometheus operator):
 * the fields we write and a few we are likely to, typed. No Java model of these CRDs is on the build's
 * classpath at the fabric8 version we use, so these records stand in: a field not declared here fails the
 * check as unknown, which catches typos and also asks whoever uses a new field to add it here, next to
 * the operator's documentation.
 */
package cn.bailian.deploy.crd;
