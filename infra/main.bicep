// Mage Functions on Azure: one resource group holding the Function App (Linux, .NET 10
// isolated worker, Durable Functions), its storage, Key Vault for the secrets, the Azure
// Files share the build drivers work in, and Application Insights.
// Deploy: README.md, "Deploying to Azure".
targetScope = 'resourceGroup'

@description('Short name that prefixes every resource (lower-case letters and digits, 3-11 characters).')
@minLength(3)
@maxLength(11)
param namePrefix string

@description('Azure region of every resource; the resource group\'s region by default.')
param location string = resourceGroup().location

@description('Durable Functions task hub and prefix of the app\'s tables, queues and containers (Mage__TaskHub).')
param taskHub string = 'mage'

@description('Admin key of the HTTP API (Mage__AdminKey), stored in Key Vault; the app reads it through a Key Vault reference.')
@secure()
@minLength(32)
param adminKey string

@description('Key that encrypts stored repository tokens and masked variables (Mage__EncryptionKey), stored in Key Vault.')
@secure()
@minLength(32)
param encryptionKey string

@description('Drivers this deployment runs (Mage__Drivers__Enabled).')
param enabledDrivers string = 'local'

@description('Whole-build limit (Mage__BuildTimeout), a .NET TimeSpan.')
param buildTimeout string = '01:00:00'

@description('Most instances the Flex Consumption plan scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 20

@description('Memory of each instance in MB (Flex Consumption: 512, 2048 or 4096).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 4096

@description('Size of the shared work share in GiB.')
@minValue(100)
param workShareQuotaGiB int = 100

var suffix = uniqueString(resourceGroup().id, namePrefix)
var names = {
  dataStorage: take('${namePrefix}data${suffix}', 24)
  workStorage: take('${namePrefix}work${suffix}', 24)
  plan: '${namePrefix}-plan-${suffix}'
  site: '${namePrefix}-func-${suffix}'
  vault: take('${namePrefix}-kv-${suffix}', 24)
  logs: '${namePrefix}-logs-${suffix}'
  insights: '${namePrefix}-ai-${suffix}'
}
var deploymentContainer = 'app-package'
var workShare = 'work'
var workMountPath = '/mounts/work'

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: names.logs
    insightsName: names.insights
  }
}

module dataStorage 'modules/data-storage.bicep' = {
  name: 'data-storage'
  params: {
    location: location
    accountName: names.dataStorage
    deploymentContainer: deploymentContainer
  }
}

module workStorage 'modules/work-storage.bicep' = {
  name: 'work-storage'
  params: {
    location: location
    accountName: names.workStorage
    shareName: workShare
    quotaGiB: workShareQuotaGiB
  }
}

module vault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    location: location
    vaultName: names.vault
    adminKey: adminKey
    encryptionKey: encryptionKey
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    location: location
    planName: names.plan
    siteName: names.site
    dataStorageAccountName: dataStorage.outputs.accountName
    deploymentContainerUri: '${dataStorage.outputs.blobEndpoint}${deploymentContainer}'
    insightsConnectionString: monitoring.outputs.connectionString
    adminKeySecretUri: vault.outputs.adminKeySecretUri
    encryptionKeySecretUri: vault.outputs.encryptionKeySecretUri
    taskHub: taskHub
    enabledDrivers: enabledDrivers
    buildTimeout: buildTimeout
    workMountPath: workMountPath
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
}

module roles 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  params: {
    principalId: functionApp.outputs.principalId
    dataStorageAccountName: dataStorage.outputs.accountName
    vaultName: vault.outputs.vaultName
    insightsName: monitoring.outputs.insightsName
  }
}

// The share is mounted after the site exists; Azure Files mounts authenticate with the
// work account's key (SMB mounts take no managed identity), which is why the work share
// lives in its own account and the data account allows no keys at all.
module workMount 'modules/work-mount.bicep' = {
  name: 'work-mount'
  params: {
    siteName: functionApp.outputs.siteName
    workStorageAccountName: workStorage.outputs.accountName
    shareName: workShare
    mountPath: workMountPath
  }
}

@description('Name of the Function App (for func azure functionapp publish).')
output functionAppName string = functionApp.outputs.siteName

@description('Base URL of the HTTP API.')
output apiBaseUrl string = 'https://${functionApp.outputs.defaultHostName}/api'

@description('Key Vault holding the admin and encryption keys.')
output keyVaultName string = vault.outputs.vaultName
