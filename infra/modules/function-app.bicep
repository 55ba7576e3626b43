// The Function App: Linux, .NET 10 isolated worker, on Flex Consumption (executions are not
// capped at the classic Consumption plan's 10 minutes, so hour-long build activities run).
param location string
param planName string
param siteName string
param dataStorageAccountName string
param deploymentContainerUri string
param insightsConnectionString string
param adminKeySecretUri string
param encryptionKeySecretUri string
param taskHub string
param enabledDrivers string
param buildTimeout string
param workMountPath string
param maximumInstanceCount int
param instanceMemoryMB int

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: siteName
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUri
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // Identity-based storage for the host, Durable Functions and the app (no keys).
        {
          name: 'AzureWebJobsStorage__accountName'
          value: dataStorageAccountName
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: insightsConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'Authorization=AAD'
        }
        {
          name: 'Mage__TaskHub'
          value: taskHub
        }
        {
          name: 'Mage__WorkRoot'
          value: workMountPath
        }
        {
          name: 'Mage__Drivers__Enabled'
          value: enabledDrivers
        }
        {
          name: 'Mage__BuildTimeout'
          value: buildTimeout
        }
        {
          name: 'Mage__Webhooks__AllowPrivateNetworks'
          value: 'false'
        }
        {
          name: 'Mage__AdminKey'
          value: '@Microsoft.KeyVault(SecretUri=${adminKeySecretUri})'
        }
        {
          name: 'Mage__EncryptionKey'
          value: '@Microsoft.KeyVault(SecretUri=${encryptionKeySecretUri})'
        }
      ]
    }
  }
}

output siteName string = site.name
output principalId string = site.identity.principalId
output defaultHostName string = site.properties.defaultHostName
