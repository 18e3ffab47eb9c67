using { tenanthub as db } from '../../db/schema';

// Titles and texts of the account replica, on the domain entities so that every service exposing them shares them.

annotate db.GlobalAccounts with @title: '{i18n>GlobalAccount}' {
  guid             @title: '{i18n>GlobalAccountGuid}'  @Common.Text: displayName;
  displayName      @title: '{i18n>DisplayName}';
  description      @title: '{i18n>Description}';
  subdomain        @title: '{i18n>Subdomain}';
  commercialModel  @title: '{i18n>CommercialModel}';
  consumptionBased @title: '{i18n>ConsumptionBased}';
  licenseType      @title: '{i18n>LicenseType}';
  geoAccess        @title: '{i18n>GeoAccess}';
  costCenter       @title: '{i18n>CostCenter}';
  useFor           @title: '{i18n>UseFor}';
  origin           @title: '{i18n>Origin}';
  contractStatus   @title: '{i18n>ContractStatus}';
  entityState      @title: '{i18n>State}'              @Common.Text: entityState.name  @Common.TextArrangement: #TextOnly;
  stateMessage     @title: '{i18n>StateMessage}';
  createdDate      @title: '{i18n>CreatedDate}';
  modifiedDate     @title: '{i18n>ModifiedDate}';
}

annotate db.Directories with @title: '{i18n>Directory}' {
  guid              @title: '{i18n>DirectoryGuid}'      @Common.Text: displayName;
  displayName       @title: '{i18n>DisplayName}';
  description       @title: '{i18n>Description}';
  subdomain         @title: '{i18n>Subdomain}';
  directoryType     @title: '{i18n>DirectoryType}'      @Common.Text: directoryType.name  @Common.TextArrangement: #TextOnly;
  directoryFeatures @title: '{i18n>DirectoryFeatures}';
  entityState       @title: '{i18n>State}'              @Common.Text: entityState.name  @Common.TextArrangement: #TextOnly;
  stateMessage      @title: '{i18n>StateMessage}';
  contractStatus    @title: '{i18n>ContractStatus}';
  globalAccount     @title: '{i18n>GlobalAccount}'      @Common.Text: globalAccount.displayName;
  parent            @title: '{i18n>ParentDirectory}'    @Common.Text: parent.displayName;
  parentType        @title: '{i18n>ParentType}';
  createdDate       @title: '{i18n>CreatedDate}';
  createdBy         @title: '{i18n>CreatedBy}';
  modifiedDate      @title: '{i18n>ModifiedDate}';
}

annotate db.Subaccounts with @title: '{i18n>Subaccount}' {
  guid                   @title: '{i18n>SubaccountGuid}'     @Common.Text: displayName;
  technicalName          @title: '{i18n>TechnicalName}';
  displayName            @title: '{i18n>DisplayName}';
  description            @title: '{i18n>Description}';
  subdomain              @title: '{i18n>Subdomain}';
  region                 @title: '{i18n>Region}';
  betaEnabled            @title: '{i18n>BetaEnabled}';
  usedForProduction      @title: '{i18n>UsedForProduction}'  @Common.Text: usedForProduction.name  @Common.TextArrangement: #TextOnly;
  state                  @title: '{i18n>State}'              @Common.Text: state.name  @Common.TextArrangement: #TextOnly;
  stateMessage           @title: '{i18n>StateMessage}';
  contractStatus         @title: '{i18n>ContractStatus}';
  globalAccount          @title: '{i18n>GlobalAccount}'      @Common.Text: globalAccount.displayName;
  directory              @title: '{i18n>Directory}'          @Common.Text: directory.displayName;
  parentType             @title: '{i18n>ParentType}';
  createdDate            @title: '{i18n>CreatedDate}';
  createdBy              @title: '{i18n>CreatedBy}';
  modifiedDate           @title: '{i18n>ModifiedDate}';
  lastModifiedBy         @title: '{i18n>LastModifiedBy}';
  forceDeleteRequestTime @title: '{i18n>ForceDeleteRequestTime}';
  forceDeleteTargetTime  @title: '{i18n>ForceDeleteTargetTime}';
}

annotate db.SubaccountLabels with @title: '{i18n>Label}' {
  subaccount @title: '{i18n>Subaccount}'  @Common.Text: subaccount.displayName;
  name       @title: '{i18n>LabelName}';
  value      @title: '{i18n>LabelValue}';
}

annotate db.DirectoryLabels with @title: '{i18n>Label}' {
  directory @title: '{i18n>Directory}'  @Common.Text: directory.displayName;
  name      @title: '{i18n>LabelName}';
  value     @title: '{i18n>LabelValue}';
}

annotate db.ServicePlans with @title: '{i18n>ServicePlan}' {
  serviceName               @title: '{i18n>ServiceName}'  @Common.Text: serviceDisplayName;
  name                      @title: '{i18n>PlanName}'     @Common.Text: displayName;
  serviceDisplayName        @title: '{i18n>Service}';
  serviceDescription        @title: '{i18n>ServiceDescription}';
  ownerType                 @title: '{i18n>OwnerType}';
  businessCategory          @title: '{i18n>BusinessCategory}'  @Common.Text: businessCategoryName;
  businessCategoryName      @title: '{i18n>BusinessCategory}';
  displayName               @title: '{i18n>Plan}';
  description               @title: '{i18n>Description}';
  uniqueIdentifier          @title: '{i18n>UniqueIdentifier}';
  category                  @title: '{i18n>PlanCategory}';
  beta                      @title: '{i18n>Beta}';
  unlimited                 @title: '{i18n>Unlimited}';
  amount                    @title: '{i18n>EntitledAmount}';
  remainingAmount           @title: '{i18n>RemainingAmount}';
  provisioningMethod        @title: '{i18n>ProvisioningMethod}';
  maxAllowedSubaccountQuota @title: '{i18n>MaxAllowedSubaccountQuota}';
  autoAssign                @title: '{i18n>AutoAssign}';
  autoDistributeAmount      @title: '{i18n>AutoDistributeAmount}';
  providedBy                @title: '{i18n>ProvidedBy}';
}

annotate db.Entitlements with @title: '{i18n>Entitlement}' {
  servicePlan             @title: '{i18n>ServicePlan}'  @Common.Text: servicePlan.displayName;
  entityId                @title: '{i18n>AssignedTo}';
  entityType              @title: '{i18n>AssignedToType}';
  amount                  @title: '{i18n>AssignedAmount}';
  requestedAmount         @title: '{i18n>RequestedAmount}';
  unlimitedAmountAssigned @title: '{i18n>UnlimitedAmountAssigned}';
  autoAssigned            @title: '{i18n>AutoAssigned}';
  autoAssign              @title: '{i18n>AutoAssign}';
  autoDistributeAmount    @title: '{i18n>AutoDistributeAmount}';
  entityState             @title: '{i18n>State}';
  stateMessage            @title: '{i18n>StateMessage}';
  parentId                @title: '{i18n>QuotaSource}';
  parentType              @title: '{i18n>QuotaSourceType}';
  parentAmount            @title: '{i18n>QuotaSourceAmount}';
  parentRemainingAmount   @title: '{i18n>QuotaSourceRemainingAmount}';
  createdDate             @title: '{i18n>CreatedDate}';
  modifiedDate            @title: '{i18n>ModifiedDate}';
}

annotate db.DataCenters with @title: '{i18n>DataCenter}' {
  name                   @title: '{i18n>DataCenterName}'  @Common.Text: displayName;
  displayName            @title: '{i18n>DisplayName}';
  region                 @title: '{i18n>Region}';
  environment            @title: '{i18n>Environment}';
  iaasProvider           @title: '{i18n>IaasProvider}';
  supportsTrial          @title: '{i18n>SupportsTrial}';
  provisioningServiceUrl @title: '{i18n>ProvisioningServiceUrl}';
  saasRegistryServiceUrl @title: '{i18n>SaasRegistryServiceUrl}';
  domain                 @title: '{i18n>Domain}';
  geoAccess              @title: '{i18n>GeoAccess}';
}

annotate db.SyncStatus with @title: '{i18n>SyncStatus}' {
  source          @title: '{i18n>SyncSource}'  @Common.Text: source.name  @Common.TextArrangement: #TextOnly;
  globalAccount   @title: '{i18n>GlobalAccount}';
  subaccountOnly  @title: '{i18n>SubaccountOnly}';
  lastSyncedAt    @title: '{i18n>LastSyncedAt}';
  freshUntil      @title: '{i18n>FreshUntil}';
  lastAttemptAt   @title: '{i18n>LastAttemptAt}';
  lastDurationMs  @title: '{i18n>LastDurationMs}';
  lastError       @title: '{i18n>LastError}';
  lastErrorCode   @title: '{i18n>LastErrorCode}';
  lastErrorStatus @title: '{i18n>LastErrorStatus}';
  retryAfter      @title: '{i18n>RetryAfter}';
}
