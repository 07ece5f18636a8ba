package io.brook.jdbc.meta;

import io.brook.engine.EngineMetadata;
import org.apache.calcite.avatica.Meta;

import java.util.List;
import java.util.Map;

/**
 * The DatabaseMetaData half of {@link Meta}: each call becomes a finished result set (one frame,
 * done) on a statement of its own. Brook has no keys, indexes, privileges, procedures or user
 * types, so those calls answer with empty result sets of the documented shape.
 */
abstract class MetadataMeta implements Meta {

    abstract EngineMetadata engineMetadata(ConnectionHandle connection);

    /** A done result set of {@code rows} on a new statement that closes with it. */
    abstract MetaResultSet finished(ConnectionHandle connection, MetadataShape shape, List<Object> rows);

    private static String text(Pat pattern) {
        return pattern == null ? null : pattern.s;
    }

    private MetaResultSet empty(ConnectionHandle connection, MetadataShape shape) {
        return finished(connection, shape, List.of());
    }

    @Override
    public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle connection) {
        return DatabaseProperties.all();
    }

    @Override
    public MetaResultSet getTables(ConnectionHandle connection, String catalog, Pat schemaPattern,
                                   Pat tableNamePattern, List<String> typeList) {
        return finished(connection, MetadataShapes.TABLES, CatalogRows.tables(engineMetadata(connection),
                catalog, text(schemaPattern), text(tableNamePattern), typeList));
    }

    @Override
    public MetaResultSet getColumns(ConnectionHandle connection, String catalog, Pat schemaPattern,
                                    Pat tableNamePattern, Pat columnNamePattern) {
        return finished(connection, MetadataShapes.COLUMNS, CatalogRows.columns(engineMetadata(connection),
                catalog, text(schemaPattern), text(tableNamePattern), text(columnNamePattern)));
    }

    @Override
    public MetaResultSet getSchemas(ConnectionHandle connection, String catalog, Pat schemaPattern) {
        return finished(connection, MetadataShapes.SCHEMAS,
                CatalogRows.schemas(engineMetadata(connection), catalog, text(schemaPattern)));
    }

    @Override
    public MetaResultSet getCatalogs(ConnectionHandle connection) {
        return empty(connection, MetadataShapes.CATALOGS);
    }

    @Override
    public MetaResultSet getTableTypes(ConnectionHandle connection) {
        return finished(connection, MetadataShapes.TABLE_TYPES, CatalogRows.tableTypes());
    }

    @Override
    public MetaResultSet getTypeInfo(ConnectionHandle connection) {
        return finished(connection, MetadataShapes.TYPE_INFO, TypeInfoRows.rows());
    }

    @Override
    public MetaResultSet getFunctions(ConnectionHandle connection, String catalog, Pat schemaPattern,
                                      Pat functionNamePattern) {
        return finished(connection, MetadataShapes.FUNCTIONS,
                CatalogRows.functions(engineMetadata(connection), catalog, text(functionNamePattern)));
    }

    @Override
    public MetaResultSet getFunctionColumns(ConnectionHandle connection, String catalog, Pat schemaPattern,
                                            Pat functionNamePattern, Pat columnNamePattern) {
        return empty(connection, MetadataShapes.FUNCTION_COLUMNS);
    }

    @Override
    public MetaResultSet getProcedures(ConnectionHandle connection, String catalog, Pat schemaPattern,
                                       Pat procedureNamePattern) {
        return empty(connection, MetadataShapes.PROCEDURES);
    }

    @Override
    public MetaResultSet getProcedureColumns(ConnectionHandle connection, String catalog, Pat schemaPattern,
                                             Pat procedureNamePattern, Pat columnNamePattern) {
        return empty(connection, MetadataShapes.PROCEDURE_COLUMNS);
    }

    @Override
    public MetaResultSet getColumnPrivileges(ConnectionHandle connection, String catalog, String schema,
                                             String table, Pat columnNamePattern) {
        return empty(connection, MetadataShapes.COLUMN_PRIVILEGES);
    }

    @Override
    public MetaResultSet getTablePrivileges(ConnectionHandle connection, String catalog, Pat schemaPattern,
                                            Pat tableNamePattern) {
        return empty(connection, MetadataShapes.TABLE_PRIVILEGES);
    }

    @Override
    public MetaResultSet getBestRowIdentifier(ConnectionHandle connection, String catalog, String schema,
                                              String table, int scope, boolean nullable) {
        return empty(connection, MetadataShapes.ROW_IDENTIFIERS);
    }

    @Override
    public MetaResultSet getVersionColumns(ConnectionHandle connection, String catalog, String schema, String table) {
        return empty(connection, MetadataShapes.ROW_IDENTIFIERS);
    }

    @Override
    public MetaResultSet getPrimaryKeys(ConnectionHandle connection, String catalog, String schema, String table) {
        return empty(connection, MetadataShapes.PRIMARY_KEYS);
    }

    @Override
    public MetaResultSet getImportedKeys(ConnectionHandle connection, String catalog, String schema, String table) {
        return empty(connection, MetadataShapes.FOREIGN_KEYS);
    }

    @Override
    public MetaResultSet getExportedKeys(ConnectionHandle connection, String catalog, String schema, String table) {
        return empty(connection, MetadataShapes.FOREIGN_KEYS);
    }

    @Override
    public MetaResultSet getCrossReference(ConnectionHandle connection, String parentCatalog, String parentSchema,
                                           String parentTable, String foreignCatalog, String foreignSchema,
                                           String foreignTable) {
        return empty(connection, MetadataShapes.FOREIGN_KEYS);
    }

    @Override
    public MetaResultSet getIndexInfo(ConnectionHandle connection, String catalog, String schema, String table,
                                      boolean unique, boolean approximate) {
        return empty(connection, MetadataShapes.INDEX_INFO);
    }

    @Override
    public MetaResultSet getUDTs(ConnectionHandle connection, String catalog, Pat schemaPattern,
                                 Pat typeNamePattern, int[] types) {
        return empty(connection, MetadataShapes.UDTS);
    }

    @Override
    public MetaResultSet getSuperTypes(ConnectionHandle connection, String catalog, Pat schemaPattern,
                                       Pat typeNamePattern) {
        return empty(connection, MetadataShapes.SUPER_TYPES);
    }

    @Override
    public MetaResultSet getSuperTables(ConnectionHandle connection, String catalog, Pat schemaPattern,
                                        Pat tableNamePattern) {
        return empty(connection, MetadataShapes.SUPER_TABLES);
    }

    @Override
    public MetaResultSet getAttributes(ConnectionHandle connection, String catalog, Pat schemaPattern,
                                       Pat typeNamePattern, Pat attributeNamePattern) {
        return empty(connection, MetadataShapes.ATTRIBUTES);
    }

    @Override
    public MetaResultSet getClientInfoProperties(ConnectionHandle connection) {
        return empty(connection, MetadataShapes.CLIENT_INFO_PROPERTIES);
    }

    @Override
    public MetaResultSet getPseudoColumns(ConnectionHandle connection, String catalog, Pat schemaPattern,
                                          Pat tableNamePattern, Pat columnNamePattern) {
        return empty(connection, MetadataShapes.PSEUDO_COLUMNS);
    }
}
