// The Azure Files share mounted as Mage__WorkRoot on every instance, so a build's workspace
// is visible to whichever instance runs its next activity.
param location string
param accountName string
param shareName string
param quotaGiB int

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: accountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    // SMB mounts of App Service authenticate with the account key.
    allowSharedKeyAccess: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource files 'Microsoft.Storage/storageAccounts/fileServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource share 'Microsoft.Storage/storageAccounts/fileServices/shares@2023-05-01' = {
  parent: files
  name: shareName
  properties: {
    shareQuota: quotaGiB
    enabledProtocols: 'SMB'
  }
}

output accountName string = account.name
