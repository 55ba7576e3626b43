// Mounts the work share into the site at Mage__WorkRoot. The mount takes the work
// account's key (read here at deployment time, never an app setting).
param siteName string
param workStorageAccountName string
param shareName string
param mountPath string

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: siteName
}

resource workStorage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: workStorageAccountName
}

resource mounts 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'azurestorageaccounts'
  properties: {
    work: {
      type: 'AzureFiles'
      accountName: workStorage.name
      shareName: shareName
      mountPath: mountPath
      accessKey: workStorage.listKeys().keys[0].value
    }
  }
}
