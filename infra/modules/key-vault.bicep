// Key Vault with RBAC authorization holding the app's secrets; the app reads them through
// Key Vault references in its settings, so no secret is stored in the site configuration.
param location string
param vaultName string

@secure()
param adminKey string

@secure()
param encryptionKey string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
    enablePurgeProtection: true
  }
}

resource adminKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'mage-admin-key'
  properties: {
    value: adminKey
  }
}

resource encryptionKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'mage-encryption-key'
  properties: {
    value: encryptionKey
  }
}

output vaultName string = vault.name
// Version-less URIs: a rotated secret is picked up without redeploying.
output adminKeySecretUri string = adminKeySecret.properties.secretUri
output encryptionKeySecretUri string = encryptionKeySecret.properties.secretUri
